package ru.school500.documentservice.practice;

import java.util.UUID;

/**
 * Published inside the transaction that changes a practice's status: the documents attached to it change
 * visibility with it (their feed entries are re-announced by the document feature).
 */
public record PracticeVisibilityChanged(UUID practiceId) {
}
