package ru.school500.roadmapservice.roadmap;

public enum OrganisationType {
    MINISTRY, REGIONAL_INSTITUTE, MUNICIPAL_BODY, SCHOOL, OTHER
}
