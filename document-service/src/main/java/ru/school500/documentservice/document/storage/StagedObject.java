package ru.school500.documentservice.document.storage;

/** An uploaded object not yet committed to a document version: where it is and what it holds. */
public record StagedObject(String key, String fileName, long size, String sha256, String contentType) {
}
