package ru.school500.searchservice.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned index definitions in {@code src/main/resources/elasticsearch/}: analysis settings shared by
 * every kind ({@code settings-v2.json}, with the Russian stop words from {@code russian-stopwords.txt} and the
 * word families from {@code reference/word-families.txt}), the common mapping and each kind's additions.
 * Raising {@link #SCHEMA} (with new files) makes the next start rebuild older indices without downtime
 * ({@link SchemaUpgrade}), as {@code POST /internal/admin/reindex} does on demand.
 */
@Component
public class IndexSchemas {

    public static final int SCHEMA = 2;

    private final String settings;
    private final Map<IndexKind, String> mappings = new EnumMap<>(IndexKind.class);

    IndexSchemas(JsonMapper json) {
        ObjectNode settingsNode = (ObjectNode) json.readTree(read("settings-v" + SCHEMA + ".json"));
        ((ObjectNode) settingsNode.at("/analysis/filter/russian_stop")).set("stopwords",
                lines(json, read("russian-stopwords.txt")));
        ((ObjectNode) settingsNode.at("/analysis/filter/word_families")).set("families",
                lines(json, readResource("reference/word-families.txt")));
        this.settings = json.writeValueAsString(settingsNode);
        JsonNode common = json.readTree(read("mapping-common-v" + SCHEMA + ".json"));
        for (IndexKind kind : IndexKind.values()) {
            ObjectNode mapping = (ObjectNode) common.deepCopy();
            JsonNode extra = json.readTree(read("mapping-" + kind.segment() + "-v" + SCHEMA + ".json"));
            ((ObjectNode) mapping.get("properties")).setAll((ObjectNode) extra.get("properties"));
            mappings.put(kind, json.writeValueAsString(mapping));
        }
    }

    public String settings() {
        return settings;
    }

    public String mapping(IndexKind kind) {
        return mappings.get(kind);
    }

    /** The lines that are neither blank nor comments. */
    private static ArrayNode lines(JsonMapper json, String text) {
        ArrayNode lines = json.createArrayNode();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(lines::add);
        return lines;
    }

    private static String read(String file) {
        return readResource("elasticsearch/" + file);
    }

    private static String readResource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
