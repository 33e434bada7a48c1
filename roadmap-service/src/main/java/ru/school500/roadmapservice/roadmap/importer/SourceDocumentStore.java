package ru.school500.roadmapservice.roadmap.importer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where the original order file goes when an import is saved: document-service, {@code POST /api/documents}
 * with type {@code ORDER}, relaying the caller's bearer token so that document-service checks the same user
 * and region. Implemented by {@link DocumentServiceClient}.
 */
interface SourceDocumentStore {

    /**
     * Stores the file and answers the document's id in document-service.
     *
     * @param bearerToken the caller's access token, relayed as {@code Authorization: Bearer …}
     * @throws org.springframework.web.ErrorResponseException 503 when the store cannot be reached or fails,
     *         its own 4xx (or 502) when it refuses the file; the detail is Russian, for the caller
     */
    StoredDocument store(OrderFile file, String bearerToken);

    /**
     * Removes a document stored by {@link #store} whose roadmap could not be saved (document-service deletes
     * softly: the file stays restorable by its region, but is no longer listed).
     *
     * @throws RuntimeException when the store cannot be reached or refuses; the caller logs it
     */
    void delete(UUID id, String bearerToken);

    /**
     * The order file and what the importer read from its header, as document-service's form fields.
     *
     * @param region the region the order belongs to (the caller's; document-service refuses any other)
     * @param fileName the uploaded file's name, for display only
     * @param mediaType the detected media type (never the client's claim)
     * @param title the document's title (at most 1000 characters)
     * @param orderNumber as written ("324"), may be {@code null}
     * @param orderDate date of signing, may be {@code null}
     * @param authority the issuing body, may be {@code null}
     */
    record OrderFile(String region, String fileName, String mediaType, byte[] content, String title,
            String orderNumber, LocalDate orderDate, String authority) {
    }

    /** The stored order in document-service: id, version and SHA-256 checksum it reported. */
    record StoredDocument(UUID id, long version, String sha256) {
    }
}
