package ru.school500.roadmapservice.roadmap.importer;

import java.util.UUID;

/**
 * Where the original order file goes when an import is saved: document-service, {@code POST /api/documents}
 * with type {@code ORDER}, relaying the caller's bearer token so that document-service checks the same user
 * and region. Not wired yet: document-service is not on main; the non-dry-run import answers 501 until both
 * this store and the roadmap draft creation are available.
 */
interface SourceDocumentStore {

    /**
     * Stores the file and answers the document's id in document-service.
     *
     * @param region the region the order belongs to
     * @param fileName the uploaded file's name, for display only
     * @param mediaType the detected media type (never the client's claim)
     * @param bearerToken the caller's access token, relayed as {@code Authorization: Bearer …}
     */
    StoredDocument store(String region, String fileName, String mediaType, byte[] content, String bearerToken);

    /** The stored order in document-service: id, version and SHA-256 checksum it reported. */
    record StoredDocument(UUID id, long version, String sha256) {
    }
}
