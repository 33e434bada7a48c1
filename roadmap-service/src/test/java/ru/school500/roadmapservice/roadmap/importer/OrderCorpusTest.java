package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus of {@code src/test/resources/orders/}: order documents printed and converted by real office
 * programs (see its README and {@code generate.py}), each imported and checked field by field against what it
 * must read. A document derived from a fixture must read exactly like the fixture's golden preview (header,
 * annex title, columns, sections, every field of every item, organisations, warnings except the repairs only a
 * converted text needs); an order written for the corpus carries its expected reading in
 * {@code sources/<name>.json}. Every difference is listed, and the corpus table (document, producer, items
 * expected, items exact) is written to {@code target/corpus-report.md}.
 */
class OrderCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/orders");
    private static final Map<String, String> REPORT = new TreeMap<>();

    private final RoadmapImporter importer = new RoadmapImporter(ImporterProperties.defaults());

    static Stream<String> documents() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".expected.json"))
                    .map(name -> name.substring(0, name.length() - ".expected.json".length())).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void orderDocumentReadsAsExpectedFieldByField(String name) throws IOException {
        JsonNode about = Fixtures.JSON.readTree(Files.readString(CORPUS.resolve(name + ".expected.json")));
        byte[] file = Files.readAllBytes(CORPUS.resolve(about.get("document").asString()));
        RoadmapPreview preview = importer.preview(file);
        ObjectNode actual = (ObjectNode) Fixtures.JSON.valueToTree(preview);
        String source = about.get("expected").asString();

        List<String> differences = new ArrayList<>();
        int expectedItems;
        int exactItems;
        if (source.startsWith("golden:")) {
            ObjectNode golden = (ObjectNode) Fixtures.JSON.readTree(
                    Files.readString(Fixtures.golden(source.substring("golden:".length()))));
            for (String field : List.of("order", "title", "year", "columns", "organisations", "level", "municipality")) {
                compare(field, actual.path(field), golden.path(field), differences);
            }
            compare("warnings", warnings(actual), warnings(golden), differences);
            int[] counts = compareSections(actual.path("sections"), golden.path("sections"), null, differences);
            expectedItems = counts[0];
            exactItems = counts[1];
        } else {
            JsonNode expected = Fixtures.JSON.readTree(Files.readString(CORPUS.resolve(source)));
            JsonNode header = expected.path("expected");
            header.path("order").properties().forEach(field ->
                    compare("order." + field.getKey(), actual.path("order").path(field.getKey()), field.getValue(),
                            differences));
            for (String field : List.of("level", "municipality", "year")) {
                compare(field, actual.path(field), header.path(field), differences);
            }
            ArrayNode roles = Fixtures.JSON.createArrayNode();
            actual.path("columns").forEach(column -> roles.add(column.path("role")));
            compare("columns", roles, header.path("columns"), differences);
            List<String> listed = new ArrayList<>();
            header.path("warnings").forEach(warning -> listed.add(warning.get(0).asString() + " "
                    + (warning.get(1).isNull() ? "-" : warning.get(1).asString())));
            listed.sort(null);
            ArrayNode expectedWarnings = Fixtures.JSON.createArrayNode();
            listed.forEach(expectedWarnings::add);
            compare("warnings", warnings(actual), expectedWarnings, differences);
            int[] counts = compareSections(actual.path("sections"), expected.path("sections"), preview, differences);
            expectedItems = counts[0];
            exactItems = counts[1];
        }
        REPORT.put(name, "| `" + about.get("document").asString() + "` | " + about.get("producer").asString() + ", "
                + about.get("layout").asString() + " | " + expectedItems + " | " + exactItems + " |");
        Path out = Path.of("target/corpus-actual", name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, Fixtures.json(preview));

        assertThat(differences).as(name + " (actual preview in " + out + ")").isEmpty();
        assertThat(exactItems).isEqualTo(expectedItems);
    }

    @AfterAll
    static void writeReport() {
        StringBuilder table = new StringBuilder("| document | producer and layout | items expected | items exact |\n"
                + "| --- | --- | --- | --- |\n");
        REPORT.values().forEach(row -> table.append(row).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/corpus-report.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Codes and items of the warnings, without page-break repairs (only a converted text needs them). */
    private static ArrayNode warnings(JsonNode preview) {
        ArrayNode list = Fixtures.JSON.createArrayNode();
        List<String> sorted = new ArrayList<>();
        preview.path("warnings").forEach(warning -> {
            if (!warning.path("code").asString().equals(ImportWarning.Code.PAGE_BREAK_REPAIRED.name())) {
                JsonNode item = warning.path("location").path("item");
                sorted.add(warning.path("code").asString() + " " + (item.isNull() || item.isMissingNode() ? "-"
                        : item.asString()));
            }
        });
        sorted.sort(null);
        sorted.forEach(list::add);
        return list;
    }

    /** Compares sections and items; answers {items expected, items exact}. */
    private static int[] compareSections(JsonNode actual, JsonNode expected, RoadmapPreview preview,
            List<String> differences) {
        int expectedItems = 0;
        int exact = 0;
        List<JsonNode> actualItems = new ArrayList<>();
        actual.forEach(section -> section.path("items").forEach(actualItems::add));
        if (actual.size() != expected.size()) {
            differences.add("sections: " + actual.size() + " ≠ " + expected.size() + " expected");
        }
        int index = 0;
        for (int s = 0; s < expected.size(); s++) {
            JsonNode section = expected.get(s);
            JsonNode found = actual.path(s);
            compare("sections[" + s + "].number", found.path("number"), section.path("number"), differences);
            compare("sections[" + s + "].title", found.path("title"), section.path("title"), differences);
            if (preview == null) {
                compare("sections[" + s + "].subtitles", found.path("subtitles"), section.path("subtitles"), differences);
            }
            for (JsonNode item : section.path("items")) {
                expectedItems++;
                JsonNode actualItem = index < actualItems.size() ? actualItems.get(index) : null;
                index++;
                List<String> itemDifferences = new ArrayList<>();
                String path = "item " + item.path("number").asString();
                if (actualItem == null) {
                    itemDifferences.add(path + ": missing");
                } else if (preview == null) {
                    compare(path, actualItem, item, itemDifferences);
                } else {
                    for (String field : List.of("number", "text", "executorsText", "indicator", "otherColumns")) {
                        if (item.has(field)) {
                            compare(path + "." + field, actualItem.path(field), item.path(field), itemDifferences);
                        }
                    }
                    compare(path + ".deadline.raw", actualItem.path("deadline").path("raw"),
                            item.path("deadline").path("raw"), itemDifferences);
                    compare(path + ".deadline.kind", actualItem.path("deadline").path("kind"),
                            item.path("deadline").path("kind"), itemDifferences);
                    ArrayNode periods = Fixtures.JSON.createArrayNode();
                    actualItem.path("deadline").path("periods").forEach(period ->
                            periods.addArray().add(period.path("start")).add(period.path("end")));
                    compare(path + ".deadline.periods", periods, item.path("deadline").path("periods"),
                            itemDifferences);
                    ArrayNode executors = Fixtures.JSON.createArrayNode();
                    actualItem.path("executors").forEach(executor -> executors.add(organisationName(preview,
                            executor.path("organisation").asString())));
                    compare(path + ".executors", executors, item.path("executors"), itemDifferences);
                }
                if (itemDifferences.isEmpty()) {
                    exact++;
                }
                differences.addAll(itemDifferences);
            }
        }
        if (actualItems.size() != expectedItems) {
            differences.add("items: " + actualItems.size() + " read, " + expectedItems + " expected");
        }
        return new int[] {expectedItems, exact};
    }

    private static String organisationName(RoadmapPreview preview, String id) {
        return preview.organisations().stream().filter(o -> o.id().equals(id)).map(RoadmapPreview.Organisation::name)
                .findFirst().orElse(id);
    }

    private static void compare(String path, JsonNode actual, JsonNode expected, List<String> differences) {
        JsonNode left = actual == null || actual.isMissingNode() ? Fixtures.JSON.nullNode() : actual;
        JsonNode right = expected == null || expected.isMissingNode() ? Fixtures.JSON.nullNode() : expected;
        if (left.isObject() && right.isObject()) {
            for (String field : right.propertyNames()) {
                compare(path + "." + field, left.path(field), right.get(field), differences);
            }
            for (String field : left.propertyNames()) {
                if (!right.has(field)) {
                    compare(path + "." + field, left.get(field), null, differences);
                }
            }
            return;
        }
        if (left.isArray() && right.isArray() && left.size() == right.size()) {
            for (int i = 0; i < right.size(); i++) {
                compare(path + "[" + i + "]", left.get(i), right.get(i), differences);
            }
            return;
        }
        if (!left.equals(right)) {
            differences.add(path + ": " + abbreviate(left) + " ≠ expected " + abbreviate(right));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 300 ? text : text.substring(0, 297) + "…";
    }
}
