package ru.school500.searchservice.comparison;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Item texts labelled with categories, one a line: comma-separated category codes, a tab, the text; {@code #}
 * starts a comment. The model's training set ({@code comparison/training-items.tsv}) and the tests' held-out
 * evaluation set share this format.
 */
record LabelledItems(List<Labelled> items) {

    record Labelled(Set<String> categories, String text) {
    }

    static LabelledItems read(InputStream in, Taxonomy taxonomy) {
        List<Labelled> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || line.substring(tab + 1).isBlank()) {
                    throw new IllegalArgumentException("line " + number + ": expected categories, a tab and a text");
                }
                Set<String> categories = new LinkedHashSet<>(Arrays.stream(line.substring(0, tab).split(","))
                        .map(String::strip).filter(code -> !code.isEmpty() && !code.equals("-")).toList());
                for (String code : categories) {
                    if (taxonomy.category(code).isEmpty()) {
                        throw new IllegalArgumentException("line " + number + ": unknown category " + code);
                    }
                }
                items.add(new Labelled(Set.copyOf(categories), line.substring(tab + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledItems(List.copyOf(items));
    }

    static LabelledItems resource(String name, Taxonomy taxonomy) {
        try (InputStream in = LabelledItems.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return read(in, taxonomy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> texts() {
        return items.stream().map(Labelled::text).toList();
    }
}
