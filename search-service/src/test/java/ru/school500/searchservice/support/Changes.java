package ru.school500.searchservice.support;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.school500.searchservice.indexing.FeedChange;

/**
 * Feed changes shaped like the source services' payloads ({@code docs/conventions.md},
 * {@code docs/roadmap-change-feed.md}, document-service's README), for tests.
 */
public final class Changes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Changes() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static PracticeBuilder practice(String id) {
        return new PracticeBuilder(id);
    }

    public static DocumentBuilder document(String id) {
        return new DocumentBuilder(id);
    }

    public static RoadmapBuilder roadmap(String id) {
        return new RoadmapBuilder(id);
    }

    public static FeedChange delete(String type, String id, long version) {
        ObjectNode payload = JSON.createObjectNode().put("id", id);
        return new FeedChange(0, type, id, version, "DELETE", payload);
    }

    public static final class PracticeBuilder {
        private final String id;
        private final ObjectNode practice = JSON.createObjectNode();
        private long version = 1;

        PracticeBuilder(String id) {
            this.id = id;
            practice.put("id", id).put("status", "PUBLISHED").put("region", "38").put("municipality", "38-01")
                    .put("school", "38-01-001").put("direction", "MENTORING").put("educationLevel", "BASIC_GENERAL")
                    .put("createdAt", "2022-02-01T10:00:00Z").put("updatedAt", "2022-03-01T10:00:00Z")
                    .put("publishedAt", "2022-03-01T10:00:00Z");
            practice.putArray("authors").add("Иванова А. А.").add("Петров Б. В.");
            practice.putArray("riskFactors").add("LOW_MOTIVATION");
            practice.putArray("files");
        }

        public PracticeBuilder title(String title) {
            practice.put("title", title);
            return this;
        }

        public PracticeBuilder description(String text) {
            practice.put("description", text);
            return this;
        }

        public PracticeBuilder status(String status) {
            practice.put("status", status);
            if (!"PUBLISHED".equals(status)) {
                practice.putNull("publishedAt");
            }
            return this;
        }

        public PracticeBuilder region(String region, String municipality, String school) {
            practice.put("region", region).put("municipality", municipality).put("school", school);
            return this;
        }

        public PracticeBuilder direction(String direction) {
            practice.put("direction", direction);
            return this;
        }

        public PracticeBuilder year(int year) {
            practice.put("publishedAt", year + "-03-01T10:00:00Z").put("createdAt", year + "-02-01T10:00:00Z");
            return this;
        }

        public PracticeBuilder version(long version) {
            this.version = version;
            return this;
        }

        public FeedChange change() {
            ObjectNode payload = JSON.createObjectNode();
            payload.set("practice", practice.deepCopy());
            payload.putObject("visibility").put("public", "PUBLISHED".equals(practice.get("status").asString()))
                    .put("region", practice.get("region").asString());
            return new FeedChange(0, "PRACTICE", id, version, "UPSERT", payload);
        }
    }

    public static final class DocumentBuilder {
        private final String id;
        private final ObjectNode document = JSON.createObjectNode();
        private final ObjectNode visibility = JSON.createObjectNode();
        private long version = 1;

        DocumentBuilder(String id) {
            this.id = id;
            document.put("id", id).put("type", "SCHOOL_MATERIAL").put("kind", "DEVELOPMENT_PROGRAM")
                    .put("fileName", "Программа.pdf").put("contentType", "application/pdf").put("size", 1234)
                    .put("uploadedAt", "2022-04-01T10:00:00Z").put("createdAt", "2022-04-01T10:00:00Z")
                    .put("updatedAt", "2022-04-01T10:00:00Z").put("extractionStatus", "DONE");
            document.putArray("riskFactors");
            visibility.put("public", false).put("region", "43").put("municipality", "43-01").put("school", "43-01-001");
        }

        public DocumentBuilder title(String title) {
            document.put("title", title);
            return this;
        }

        public DocumentBuilder text(String text) {
            document.put("text", text);
            return this;
        }

        public DocumentBuilder type(String type) {
            document.put("type", type);
            return this;
        }

        public DocumentBuilder owner(String region, String municipality, String school) {
            visibility.put("region", region).put("municipality", municipality).put("school", school);
            return this;
        }

        public DocumentBuilder riskFactors(String... codes) {
            ArrayNode array = document.putArray("riskFactors");
            for (String code : codes) {
                array.add(code);
            }
            return this;
        }

        public DocumentBuilder version(long version) {
            this.version = version;
            return this;
        }

        public FeedChange change() {
            ObjectNode payload = document.deepCopy();
            payload.set("visibility", visibility.deepCopy());
            return new FeedChange(0, "DOCUMENT", id, version, "UPSERT", payload);
        }
    }

    public static final class RoadmapBuilder {
        private final String id;
        private final ObjectNode roadmap = JSON.createObjectNode();
        private final ArrayNode sections;
        private long version = 1;

        RoadmapBuilder(String id) {
            this.id = id;
            roadmap.put("id", id).put("region", "43").put("level", "REGIONAL").put("status", "APPROVED")
                    .put("year", 2022).put("edition", 1).put("title", "Дорожная карта проекта 500+")
                    .put("updatedAt", "2022-03-16T10:00:00Z").put("approvedAt", "2022-03-16T10:00:00Z");
            roadmap.putObject("approvingOrder").put("number", "324").put("date", "2022-03-16")
                    .put("authority", "Министерство образования Кировской области")
                    .put("title", "Об утверждении дорожной карты");
            sections = roadmap.putArray("sections");
        }

        public RoadmapBuilder region(String region) {
            roadmap.put("region", region);
            return this;
        }

        public RoadmapBuilder status(String status) {
            roadmap.put("status", status);
            return this;
        }

        public RoadmapBuilder title(String title) {
            roadmap.put("title", title);
            return this;
        }

        public RoadmapBuilder version(long version) {
            this.version = version;
            return this;
        }

        public RoadmapBuilder section(String number, String title, Item... items) {
            ObjectNode section = sections.addObject().put("id", newId()).put("number", number).put("title", title);
            ArrayNode array = section.putArray("items");
            for (Item item : items) {
                ObjectNode node = array.addObject().put("id", item.id()).put("number", item.number())
                        .put("task", item.task()).put("executorsText", "министерство образования");
                ObjectNode deadline = node.putObject("deadline").put("text", "до 23.12.2022").put("kind", "ONCE");
                deadline.putArray("periods").addObject().putNull("start").put("end", "2022-12-23");
                node.putArray("executors").addObject().put("fullName", "Министерство образования Кировской области")
                        .put("shortName", "министерство образования").put("type", "MINISTRY");
                node.putArray("links");
                ArrayNode progress = node.putArray("progress");
                if (item.progressStage() != null) {
                    progress.addObject().put("stage", item.progressStage()).put("status", item.progressStatus());
                }
            }
            return this;
        }

        public FeedChange change() {
            ObjectNode payload = roadmap.deepCopy();
            payload.put("version", version);
            return new FeedChange(0, "ROADMAP", id, version, "UPSERT", payload);
        }
    }

    /** An item due 2022-12-23, optionally with one progress report. */
    public record Item(String id, String number, String task, String progressStage, String progressStatus) {
        public static Item of(String number, String task) {
            return new Item(newId(), number, task, null, null);
        }

        public static Item reported(String number, String task, String stage, String status) {
            return new Item(newId(), number, task, stage, status);
        }
    }
}
