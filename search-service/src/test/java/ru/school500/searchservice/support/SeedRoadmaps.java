package ru.school500.searchservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.school500.searchservice.indexing.FeedChange;
import ru.school500.stack.StackLayout;

/**
 * The two real orders as roadmap-service announces them after import: built from the importer's checked-in
 * golden previews of {@code shared/fixtures/roadmaps} (roadmap-service's test resources), every item with
 * its text, deadline periods and typed executors. Each call gives new ids, like a re-import.
 */
public final class SeedRoadmaps {

    public static final String IRKUTSK = "irkutsk-2021-order-294";
    public static final String KIROV = "kirov-2022-order-324";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedRoadmaps() {
    }

    public static FeedChange approved(String seed, String region, String roadmapId, long version) {
        JsonNode golden = golden(seed);
        Map<String, String> types = new HashMap<>();
        golden.path("organisations").forEach(org -> types.put(org.path("id").asString(), org.path("type").asString()));
        ObjectNode roadmap = JSON.createObjectNode().put("id", roadmapId).put("region", region)
                .put("level", "REGIONAL").put("status", "APPROVED").put("year", golden.path("year").asInt())
                .put("edition", 1).put("title", golden.path("title").asString()).put("version", version)
                .put("approvedAt", golden.path("year").asInt() + "-03-16T10:00:00Z");
        roadmap.putObject("approvingOrder").put("number", golden.at("/order/number").asString(""))
                .put("date", golden.at("/order/date").asString(""))
                .put("authority", golden.at("/order/authority").asString(""));
        ArrayNode sections = roadmap.putArray("sections");
        for (JsonNode section : golden.path("sections")) {
            ObjectNode target = sections.addObject().put("id", UUID.randomUUID().toString())
                    .put("number", section.path("number").asString()).put("title", section.path("title").asString());
            ArrayNode items = target.putArray("items");
            for (JsonNode item : section.path("items")) {
                ObjectNode copy = items.addObject().put("id", UUID.randomUUID().toString())
                        .put("number", item.path("number").asString()).put("task", item.path("text").asString())
                        .put("executorsText", item.path("executorsText").asString(null))
                        .put("indicatorText", item.path("indicator").asString(null));
                ObjectNode deadline = copy.putObject("deadline").put("text", item.at("/deadline/raw").asString(null))
                        .put("kind", item.at("/deadline/kind").asString(null));
                deadline.set("periods", item.at("/deadline/periods").deepCopy());
                ArrayNode executors = copy.putArray("executors");
                item.path("executors").forEach(executor -> executors.addObject()
                        .put("fullName", executor.path("name").asString())
                        .put("type", types.getOrDefault(executor.path("organisation").asString(""), "OTHER")));
                copy.set("links", item.path("links").deepCopy());
                copy.putArray("progress");
            }
        }
        return new FeedChange(0, "ROADMAP", roadmapId, version, "UPSERT", roadmap);
    }

    private static JsonNode golden(String seed) {
        Path file = StackLayout.findRepoRoot()
                .resolve("roadmap-service/src/test/resources/importer/golden/" + seed + ".json");
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
