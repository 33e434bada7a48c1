package ru.school500.documentservice.practice;

import java.util.UUID;

/** What other features need to know about a practice: whose it is and whether it is published. */
public record PracticeRef(UUID id, String school, String region, String municipality, PracticeStatus status) {

    public boolean published() {
        return status == PracticeStatus.PUBLISHED;
    }

    public boolean editableByAuthor() {
        return status.editableByAuthor();
    }
}
