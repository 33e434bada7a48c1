package ru.school500.documentservice.document;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.school500.documentservice.outbox.OutboxWriter;
import ru.school500.documentservice.practice.PracticeRef;

/**
 * DOCUMENT entries of the change feed: the document's metadata, its current version, the visibility
 * fields search-service filters on, and the extracted text (capped at platform.documents.feed-text-length).
 */
@Component
class DocumentFeed {

    private final OutboxWriter outbox;
    private final DocumentProperties properties;

    DocumentFeed(OutboxWriter outbox, DocumentProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    void upsert(Document doc, DocumentVersion current, PracticeRef practice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", doc.getId());
        payload.put("type", doc.getType());
        payload.put("title", doc.getTitle());
        payload.put("kind", doc.getKind());
        payload.put("riskFactors", doc.getRiskFactors());
        payload.put("practiceId", doc.getPracticeId());
        payload.put("signedDocumentId", doc.getSignedDocumentId());
        if (doc.getType() == DocumentType.ORDER) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("number", doc.getOrderNumber());
            order.put("date", doc.getOrderDate());
            order.put("authority", doc.getOrderAuthority());
            payload.put("order", order);
        }
        payload.put("version", current.getVersion());
        payload.put("fileName", current.getFileName());
        payload.put("contentType", current.getContentType());
        payload.put("size", current.getSize());
        payload.put("sha256", current.getSha256());
        payload.put("uploadedAt", current.getUploadedAt());
        payload.put("createdAt", doc.getCreatedAt());
        payload.put("updatedAt", doc.getUpdatedAt());
        payload.put("visibility", visibility(doc, practice));
        payload.put("extractionStatus", current.getExtractionStatus());
        String text = current.getExtractedText();
        boolean truncated = current.isTextTruncated();
        if (text != null && text.length() > properties.feedTextLength()) {
            text = text.substring(0, properties.feedTextLength());
            truncated = true;
        }
        payload.put("text", text);
        payload.put("textTruncated", truncated);
        outbox.append(OutboxWriter.Type.DOCUMENT, doc.getId(), doc.getRevision(), OutboxWriter.Operation.UPSERT,
                payload);
    }

    void delete(Document doc, PracticeRef practice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", doc.getId());
        payload.put("type", doc.getType());
        payload.put("visibility", visibility(doc, practice));
        outbox.append(OutboxWriter.Type.DOCUMENT, doc.getId(), doc.getRevision(), OutboxWriter.Operation.DELETE,
                payload);
    }

    /**
     * {@code public}: anyone may see it (files of published practices); otherwise the type and the
     * region/municipality/school decide, by the same rules as this service's own reads; a practice file also
     * carries its practice's {@code practiceStatus} (its readers are the practice's, {@code PracticeVisibility}).
     */
    private static Map<String, Object> visibility(Document doc, PracticeRef practice) {
        Map<String, Object> visibility = new LinkedHashMap<>();
        visibility.put("public", doc.getType() == DocumentType.PRACTICE_FILE && practice != null
                && practice.published());
        visibility.put("region", doc.getRegion());
        visibility.put("municipality", doc.getMunicipality());
        visibility.put("school", doc.getSchool());
        if (doc.getType() == DocumentType.PRACTICE_FILE && practice != null) {
            visibility.put("practiceStatus", practice.status().name());
        }
        return visibility;
    }
}
