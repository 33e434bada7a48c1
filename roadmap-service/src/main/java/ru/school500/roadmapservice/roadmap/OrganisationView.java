package ru.school500.roadmapservice.roadmap;

import java.util.List;
import java.util.UUID;

/** An organisation of a region with every name it goes by. */
public record OrganisationView(UUID id, String region, String fullName, String shortName, List<String> aliases,
        OrganisationType type) {
}
