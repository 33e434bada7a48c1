package ru.school500.documentservice.practice;

/** DRAFT → SUBMITTED → IN_REVIEW → PUBLISHED, or RETURNED (back to the author, who edits and resubmits) or REJECTED. */
public enum PracticeStatus {
    DRAFT, SUBMITTED, IN_REVIEW, PUBLISHED, RETURNED, REJECTED;

    boolean editableByAuthor() {
        return this == DRAFT || this == RETURNED;
    }
}
