package ru.school500.documentservice.document;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One stored file of a document: immutable bytes in S3 under {@code objectKey}, plus the extracted text. */
@Entity
@Table(name = "document_version")
@IdClass(DocumentVersion.Key.class)
class DocumentVersion {

    record Key(UUID documentId, int version) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    private UUID documentId;
    @Id
    private int version;
    private String objectKey;
    private String fileName;
    private String contentType;
    private long size;
    private String sha256;
    private String uploadedBy;
    private Instant uploadedAt;
    @Enumerated(EnumType.STRING)
    private ExtractionStatus extractionStatus;
    private String extractionError;
    private String extractedText;
    private boolean textTruncated;
    private Instant extractionStartedAt;
    private Instant extractedAt;

    protected DocumentVersion() {
    }

    DocumentVersion(UUID documentId, int version, String objectKey, String fileName, String contentType, long size,
            String sha256, String uploadedBy, Instant uploadedAt, ExtractionStatus extractionStatus) {
        this.documentId = documentId;
        this.version = version;
        this.objectKey = objectKey;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.extractionStatus = extractionStatus;
    }

    void extracted(String text, boolean truncated, Instant at) {
        this.extractionStatus = ExtractionStatus.DONE;
        this.extractedText = text;
        this.textTruncated = truncated;
        this.extractionError = null;
        this.extractedAt = at;
    }

    void extractionFailed(String error, Instant at) {
        this.extractionStatus = ExtractionStatus.FAILED;
        this.extractionError = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        this.extractedAt = at;
    }

    void extractionSkipped(String reason, Instant at) {
        this.extractionStatus = ExtractionStatus.SKIPPED;
        this.extractionError = reason;
        this.extractedAt = at;
    }

    UUID getDocumentId() { return documentId; }
    int getVersion() { return version; }
    String getObjectKey() { return objectKey; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    long getSize() { return size; }
    String getSha256() { return sha256; }
    String getUploadedBy() { return uploadedBy; }
    Instant getUploadedAt() { return uploadedAt; }
    ExtractionStatus getExtractionStatus() { return extractionStatus; }
    String getExtractionError() { return extractionError; }
    String getExtractedText() { return extractedText; }
    boolean isTextTruncated() { return textTruncated; }
    Instant getExtractedAt() { return extractedAt; }
}
