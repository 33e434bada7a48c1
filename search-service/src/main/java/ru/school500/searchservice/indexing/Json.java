package ru.school500.searchservice.indexing;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Null-tolerant reads of feed payloads: a missing or JSON-null field is {@code null}, never "null". */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.isBlank() ? null : text;
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> {
                if (!value.isNull() && !value.asString().isBlank()) {
                    values.add(value.asString());
                }
            });
        }
        return values;
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.asBoolean(false);
    }

    /** The year of an ISO date or timestamp ("2022-03-16", "2026-11-23T10:00:00Z"), or null. */
    static Integer year(String isoDate) {
        if (isoDate == null || isoDate.length() < 4) {
            return null;
        }
        try {
            return Integer.valueOf(isoDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(part.strip());
            }
        }
        return text.toString();
    }
}
