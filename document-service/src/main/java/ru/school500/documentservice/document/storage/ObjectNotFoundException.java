package ru.school500.documentservice.document.storage;

/** The object a committed row points at is missing from S3: an invariant broken outside this service. */
public class ObjectNotFoundException extends RuntimeException {

    public ObjectNotFoundException(String key) {
        super("S3 object missing: " + key);
    }
}
