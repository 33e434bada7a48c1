package ru.school500.searchservice.indexing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.visibility.Readers;

/**
 * A {@code PRACTICE} change (a best practice with its workflow status) as one record. Reviewer comments
 * and the expert conclusion are not indexed: a published practice is public, its review is not.
 */
final class PracticeDocuments {

    private PracticeDocuments() {
    }

    static IndexedDoc translate(FeedChange change) {
        if (change.isDelete()) {
            return IndexedDoc.tombstone(IndexKind.PRACTICES, change.id(), change.version(), "PRACTICE", change.id());
        }
        JsonNode practice = change.payload().path("practice");
        String region = Json.text(practice, "region");
        String municipality = Json.text(practice, "municipality");
        String school = Json.text(practice, "school");
        String status = Json.text(practice, "status");
        String title = Json.text(practice, "title");
        String published = Json.text(practice, "publishedAt");
        String authors = String.join(", ", Json.texts(practice, "authors"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("authors", authors);
        details.put("fileCount", practice.path("files").size());
        SearchSource source = new SearchSource(change.id(), "PRACTICE", "PRACTICE", change.version())
                .readers(Readers.practice(status, region, municipality, school))
                .put("title", title)
                .put("text", Json.join(Json.text(practice, "description"), Json.text(practice, "results"),
                        authors))
                .put("region", region)
                .put("municipality", municipality)
                .put("school", school)
                .put("status", status)
                .put("direction", Json.text(practice, "direction"))
                .put("level", Json.text(practice, "educationLevel"))
                .put("riskFactor", Json.texts(practice, "riskFactors"))
                .put("year", Json.year(Json.firstNonNull(published, Json.text(practice, "createdAt"))))
                .put("date", Json.firstNonNull(published, Json.text(practice, "updatedAt")))
                .put("link", "/api/documents/practices/" + change.id())
                .put("sourceId", change.id())
                .put("details", details)
                .suggestFrom(title);
        return new IndexedDoc(IndexKind.PRACTICES, change.id(), change.version(), source.build());
    }
}
