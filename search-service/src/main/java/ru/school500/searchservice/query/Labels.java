package ru.school500.searchservice.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Russian names for codes shown to people: regions ({@code reference/regions.json}) and record types. */
@Component
public class Labels {

    private final Map<String, String> regions;
    private final Map<String, String> types;
    private final Map<String, String> directions;
    private final Map<String, String> levels;
    private final Map<String, String> riskFactors;

    /** Directions and risk factors are copies of document-service's versioned lists (same codes). */
    Labels(JsonMapper json) {
        this.regions = load(json, "reference/regions.json");
        this.types = load(json, "reference/record-types.json");
        this.directions = load(json, "reference/practice-directions.json");
        this.levels = load(json, "reference/levels.json");
        this.riskFactors = load(json, "reference/risk-factors.json");
    }

    public String region(String code) {
        return code == null ? null : regions.getOrDefault(code, "Регион " + code);
    }

    public String type(String code) {
        return code == null ? null : types.getOrDefault(code, code);
    }

    String label(String facet, String value) {
        return switch (facet) {
            case "region" -> region(value);
            case "type" -> type(value);
            case "direction" -> directions.get(value);
            case "level" -> levels.get(value);
            case "riskFactor" -> riskFactors.get(value);
            default -> null;
        };
    }

    private static Map<String, String> load(JsonMapper json, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            Map<String, String> names = new HashMap<>();
            for (JsonNode item : json.readTree(in).path("items")) {
                // reference lists name the label "name" or "title"
                names.put(item.path("code").asString(), item.path("name").asString(item.path("title").asString()));
            }
            return Map.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
