package ru.school500.documentservice.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.school500.documentservice.signature.SignatureCheck;

/**
 * A document as the API shows it; {@code version} … {@code fileName} describe the current (or requested)
 * version, so an upload's answer carries id, version, sha256, size, contentType and fileName at top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(
        UUID id,
        DocumentType type,
        String title,
        MaterialKind kind,
        String region,
        String municipality,
        String school,
        List<String> riskFactors,
        UUID practiceId,
        UUID signedDocumentId,
        OrderInfo order,
        int version,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,
        ExtractionStatus extractionStatus,
        String extractionError,
        long revision,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        boolean deleted,
        Instant deletedAt,
        SignatureCheck signature) {

    public record OrderInfo(String number, LocalDate date, String authority, List<UUID> repeals,
            List<UUID> repealedBy) {
    }

    public record VersionView(int version, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt, ExtractionStatus extractionStatus, String extractionError) {
    }

    public record CommentView(UUID id, String author, String authorRole, String text, Instant createdAt) {
    }

    /** An order's signature state: NOT_SIGNED when no signature of the current version was checked. */
    public record SignatureState(UUID orderId, int orderVersion,
            ru.school500.documentservice.signature.SignatureStatus status, List<SignatureCheck> signatures) {
    }

    DocumentView withSignature(SignatureCheck check) {
        return new DocumentView(id, type, title, kind, region, municipality, school, riskFactors, practiceId,
                signedDocumentId, order, version, fileName, contentType, size, sha256, uploadedBy, uploadedAt,
                extractionStatus, extractionError, revision, createdAt, createdBy, updatedAt, deleted, deletedAt,
                check);
    }
}
