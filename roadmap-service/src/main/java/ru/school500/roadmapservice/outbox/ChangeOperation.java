package ru.school500.roadmapservice.outbox;

public enum ChangeOperation {
    UPSERT, DELETE
}
