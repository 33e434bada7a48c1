package ru.school500.documentservice.document;

public enum ExtractionStatus {
    PENDING, RUNNING, DONE, FAILED, SKIPPED
}
