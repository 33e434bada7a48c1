package ru.school500.searchservice.indexing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.visibility.Readers;

/**
 * A {@code DOCUMENT} change of document-service (school material, order, practice file) as one record with
 * its extracted text. Signature files have no text worth finding and are kept out of the index.
 */
final class DocumentDocuments {

    private DocumentDocuments() {
    }

    static IndexedDoc translate(FeedChange change) {
        JsonNode document = change.payload();
        String type = Json.firstNonNull(Json.text(document, "type"), "DOCUMENT");
        if (change.isDelete() || "SIGNATURE".equals(type)) {
            return IndexedDoc.tombstone(IndexKind.DOCUMENTS, change.id(), change.version(), type, change.id());
        }
        JsonNode visibility = document.path("visibility");
        String region = Json.text(visibility, "region");
        String municipality = Json.text(visibility, "municipality");
        String school = Json.text(visibility, "school");
        JsonNode order = document.path("order");
        String uploadedAt = Json.firstNonNull(Json.text(document, "uploadedAt"), Json.text(document, "createdAt"));
        Integer year = Json.year(Json.firstNonNull(Json.text(order, "date"), uploadedAt));
        String practiceId = Json.text(document, "practiceId");
        String link = "PRACTICE_FILE".equals(type) && practiceId != null
                ? "/api/documents/practices/" + practiceId + "/files/" + change.id() + "/content"
                : "/api/documents/" + change.id();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", Json.text(document, "fileName"));
        details.put("contentType", Json.text(document, "contentType"));
        details.put("size", document.path("size").asLong(0));
        details.put("materialKind", Json.text(document, "kind"));
        details.put("orderNumber", Json.text(order, "number"));
        details.put("orderDate", Json.text(order, "date"));
        details.put("authority", Json.text(order, "authority"));
        details.put("extractionStatus", Json.text(document, "extractionStatus"));
        details.put("practiceId", practiceId);
        String title = Json.text(document, "title");
        SearchSource source = new SearchSource(change.id(), "DOCUMENT", type, change.version())
                .readers("PRACTICE_FILE".equals(type)
                        ? Readers.practiceFile(Json.text(visibility, "practiceStatus"), Json.flag(visibility, "public"),
                                region, municipality, school)
                        : Readers.document(type, Json.flag(visibility, "public"), region, municipality, school))
                .put("title", title)
                .put("text", Json.join(Json.text(document, "fileName"), Json.text(order, "authority"),
                        Json.text(document, "text")))
                .put("region", region)
                .put("municipality", municipality)
                .put("school", school)
                .put("year", year)
                .put("date", Json.firstNonNull(Json.text(document, "updatedAt"), uploadedAt))
                .put("riskFactor", Json.texts(document, "riskFactors"))
                .put("link", link)
                .put("sourceId", practiceId != null ? practiceId : change.id())
                .put("details", details)
                .suggestFrom(title);
        return new IndexedDoc(IndexKind.DOCUMENTS, change.id(), change.version(), source.build());
    }
}
