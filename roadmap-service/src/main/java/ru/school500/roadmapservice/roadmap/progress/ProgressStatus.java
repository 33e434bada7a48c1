package ru.school500.roadmapservice.roadmap.progress;

public enum ProgressStatus {
    NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED
}
