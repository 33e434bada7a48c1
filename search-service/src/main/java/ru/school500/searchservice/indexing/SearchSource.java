package ru.school500.searchservice.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code _source} of one indexed record with the fields every kind shares (see
 * {@code mapping-common-v1.json}); kind-specific fields go through {@link #put}.
 */
final class SearchSource {

    private static final int MAX_SUGGEST_INPUTS = 16;

    private final Map<String, Object> source = new LinkedHashMap<>();

    SearchSource(String id, String kind, String type, long version) {
        source.put("id", id);
        source.put("kind", kind);
        source.put("type", type);
        source.put("deleted", false);
        source.put("sourceVersion", version);
    }

    SearchSource put(String field, Object value) {
        if (value != null) {
            source.put(field, value);
        }
        return this;
    }

    SearchSource readers(List<String> readers) {
        source.put("readers", readers);
        return this;
    }

    /**
     * Autocomplete inputs: the title and the title from each later word on (up to 16), so that "молодых"
     * completes "Наставничество молодых педагогов" too. Contexts come from {@code readers} (see the mapping).
     */
    SearchSource suggestFrom(String title) {
        if (title == null || title.isBlank()) {
            return this;
        }
        String clean = title.strip().replaceAll("\\s+", " ");
        List<String> inputs = new ArrayList<>();
        inputs.add(clean);
        int from = clean.indexOf(' ');
        while (from > 0 && inputs.size() < MAX_SUGGEST_INPUTS) {
            String rest = clean.substring(from + 1);
            if (rest.length() >= 3) {
                inputs.add(rest);
            }
            from = clean.indexOf(' ', from + 1);
        }
        source.put("suggest", Map.of("input", inputs.stream().map(i -> i.length() > 100 ? i.substring(0, 100) : i)
                .toList()));
        return this;
    }

    Map<String, Object> build() {
        return source;
    }
}
