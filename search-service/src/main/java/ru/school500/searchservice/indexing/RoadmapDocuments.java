package ru.school500.searchservice.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.visibility.Readers;

/**
 * A {@code ROADMAP} change (payload: roadmap-service's RoadmapView, see {@code docs/roadmap-change-feed.md})
 * as one ROADMAP record and one ROADMAP_ITEM record per item, all carrying the roadmap's version.
 */
final class RoadmapDocuments {

    static final String ROADMAP = "ROADMAP";
    static final String ITEM = "ROADMAP_ITEM";
    private static final int TITLE_TASK_LENGTH = 200;

    private RoadmapDocuments() {
    }

    static List<IndexedDoc> translate(FeedChange change) {
        if (change.isDelete()) {
            return List.of(IndexedDoc.tombstone(IndexKind.ROADMAPS, change.id(), change.version(), ROADMAP, change.id()));
        }
        JsonNode roadmap = change.payload();
        String id = change.id();
        String region = Json.text(roadmap, "region");
        String status = Json.text(roadmap, "status");
        List<String> readers = Readers.roadmap(status, region);
        Integer year = roadmap.hasNonNull("year") ? Integer.valueOf(roadmap.get("year").asInt())
                : Json.year(Json.text(roadmap, "periodStart"));
        String date = Json.firstNonNull(Json.text(roadmap, "approvedAt"), Json.text(roadmap, "updatedAt"),
                Json.text(roadmap, "createdAt"));
        String title = Json.text(roadmap, "title");
        JsonNode order = roadmap.path("approvingOrder");

        List<IndexedDoc> docs = new ArrayList<>();
        List<String> sectionTitles = new ArrayList<>();
        int position = 0;
        for (JsonNode section : roadmap.path("sections")) {
            sectionTitles.add(Json.text(section, "title"));
            for (JsonNode item : section.path("items")) {
                docs.add(item(change, roadmap, section, item, position++, readers, year, date));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("edition", roadmap.path("edition").asInt(1));
        details.put("itemCount", position);
        // the items' progress is stored (not indexed) for the comparison, which shows it only to these readers
        details.put("progressReaders", Readers.progress(region));
        details.put("approvingOrder", Map.of(
                "number", String.valueOf(Json.text(order, "number")),
                "date", String.valueOf(Json.text(order, "date")),
                "authority", String.valueOf(Json.text(order, "authority"))));
        SearchSource source = common(new SearchSource(id, ROADMAP, ROADMAP, change.version()), roadmap, readers, year,
                date)
                .put("title", title)
                .put("text", Json.join(Json.text(order, "title"), Json.text(order, "authority"),
                        String.join("\n", sectionTitles.stream().filter(t -> t != null).toList())))
                .put("link", "/api/roadmaps/" + id)
                .put("sourceId", id)
                .put("roadmapId", id)
                .put("roadmapTitle", title)
                .put("details", details)
                .suggestFrom(title);
        docs.addFirst(new IndexedDoc(IndexKind.ROADMAPS, id, change.version(), source.build()));
        return docs;
    }

    private static IndexedDoc item(FeedChange change, JsonNode roadmap, JsonNode section, JsonNode item, int position,
            List<String> readers, Integer year, String date) {
        String itemId = Json.text(item, "id");
        String number = Json.text(item, "number");
        String task = Json.text(item, "task");
        Set<String> executorTypes = new LinkedHashSet<>();
        List<Map<String, Object>> executors = new ArrayList<>();
        for (JsonNode executor : item.path("executors")) {
            String type = Json.firstNonNull(Json.text(executor, "type"), "OTHER");
            executorTypes.add(type);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("fullName", Json.text(executor, "fullName"));
            view.put("shortName", Json.text(executor, "shortName"));
            view.put("type", type);
            executors.add(view);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sectionNumber", Json.text(section, "number"));
        details.put("sectionTitle", Json.text(section, "title"));
        details.put("deadline", plain(item.path("deadline")));
        details.put("executorsText", Json.text(item, "executorsText"));
        details.put("executors", executors);
        details.put("indicatorText", Json.text(item, "indicatorText"));
        details.put("links", Json.texts(item, "links"));
        details.put("progress", plain(item.path("progress")));
        details.put("progressReaders", Readers.progress(Json.text(roadmap, "region")));
        String shortTask = task == null ? "" : task.length() > TITLE_TASK_LENGTH
                ? task.substring(0, TITLE_TASK_LENGTH) + "…" : task;
        SearchSource source = common(new SearchSource(itemId, ITEM, ITEM, change.version()), roadmap, readers, year,
                date)
                .put("title", (number == null ? "" : number + " ") + shortTask)
                .put("text", Json.join(task, Json.text(item, "indicatorText"), Json.text(item, "executorsText"),
                        Json.text(item, "informationText"), Json.text(item, "notes")))
                .put("task", task)
                .put("link", "/api/roadmaps/" + change.id() + "/items/" + itemId)
                .put("sourceId", change.id())
                .put("roadmapId", change.id())
                .put("roadmapTitle", Json.text(roadmap, "title"))
                .put("itemNumber", number)
                .put("position", position)
                .put("executorTypes", List.copyOf(executorTypes))
                .put("details", details)
                .suggestFrom(shortTask);
        return new IndexedDoc(IndexKind.ROADMAPS, itemId, change.version(), source.build());
    }

    private static SearchSource common(SearchSource source, JsonNode roadmap, List<String> readers, Integer year,
            String date) {
        return source.readers(readers)
                .put("region", Json.text(roadmap, "region"))
                .put("municipality", Json.text(roadmap, "municipality"))
                .put("status", Json.text(roadmap, "status"))
                .put("level", Json.text(roadmap, "level"))
                .put("year", year)
                .put("date", date);
    }

    /** A payload fragment as plain maps and lists, stored (not indexed) for display and comparison. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asString();
    }
}
