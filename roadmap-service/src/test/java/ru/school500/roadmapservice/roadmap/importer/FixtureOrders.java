package ru.school500.roadmapservice.roadmap.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ru.school500.roadmapservice.roadmap.importer.OrderDocuments.AnnexRow;
import ru.school500.roadmapservice.roadmap.importer.OrderDocuments.Order;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Item;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Section;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixture orders rebuilt from their golden previews: the order paragraphs as in the fixture text, the
 * annex one row per item with its whole cells (as a Word or PDF original has them). Also the comparison
 * used to say that two imports read "the same": everything but the detected format and the line numbers of
 * warnings, and without page-break repairs that only a converted text needs.
 */
final class FixtureOrders {

    private FixtureOrders() {
    }

    static RoadmapPreview golden(String name) {
        try {
            return Fixtures.JSON.readValue(java.nio.file.Files.readString(Fixtures.golden(name)), RoadmapPreview.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Order rebuilt(String name) {
        RoadmapPreview golden = golden(name);
        List<String> paragraphs = new ArrayList<>();
        for (String line : new String(Fixtures.order(name), StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\t")) {
                break;
            }
            if (!line.isBlank()) {
                paragraphs.add(Texts.clean(line));
            }
        }
        List<String> headings = golden.columns().stream().map(RoadmapPreview.Column::heading).toList();
        List<AnnexRow> rows = new ArrayList<>();
        for (Section section : golden.sections()) {
            rows.add(AnnexRow.section(section.number() + ". " + section.title()));
            section.subtitles().forEach(subtitle -> rows.add(AnnexRow.section(section.number() + ". " + subtitle)));
            for (Item item : section.items()) {
                List<String> cells = new ArrayList<>();
                for (RoadmapPreview.Column column : golden.columns()) {
                    cells.add(cell(item, column.role()));
                }
                rows.add(AnnexRow.item(cells));
            }
        }
        int[] widths = golden.columns().stream().mapToInt(c -> c.role() == ColumnRole.NUMBER ? 4
                : c.role() == ColumnRole.TASK ? 26 : c.role() == ColumnRole.DEADLINE ? 12 : 20).toArray();
        return new Order(paragraphs, List.of(headings), rows, widths);
    }

    static String cell(Item item, ColumnRole role) {
        Function<Item, String> field = switch (role) {
            case NUMBER -> Item::number;
            case TASK -> Item::text;
            case DEADLINE -> i -> i.deadline().raw();
            case EXECUTOR -> Item::executorsText;
            case INDICATOR -> Item::indicator;
            case INFORMATION -> Item::information;
            case NOTE -> Item::note;
        };
        String value = field.apply(item);
        return value == null ? "" : value;
    }

    /** The first difference between two previews read "the same", as "path: actual ≠ expected", or null. */
    static String difference(RoadmapPreview actual, RoadmapPreview expected) {
        return difference("$", comparable(actual), comparable(expected));
    }

    private static String difference(String path, JsonNode actual, JsonNode expected) {
        if (actual.isObject() && expected.isObject()) {
            for (String field : expected.propertyNames()) {
                String found = difference(path + "." + field, actual.path(field), expected.get(field));
                if (found != null) {
                    return found;
                }
            }
            return actual.size() == expected.size() ? null : path + ": fields " + actual.propertyNames();
        }
        if (actual.isArray() && expected.isArray()) {
            for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                String found = difference(path + "[" + i + "]", actual.get(i), expected.get(i));
                if (found != null) {
                    return found;
                }
            }
            return actual.size() == expected.size() ? null
                    : path + ": " + actual.size() + " elements ≠ " + expected.size() + ": " + actual;
        }
        return actual.equals(expected) ? null : path + ": " + actual + " ≠ " + expected;
    }

    /** The preview as JSON without what legitimately differs between formats. */
    static JsonNode comparable(RoadmapPreview preview) {
        ObjectNode tree = (ObjectNode) Fixtures.JSON.valueToTree(preview);
        tree.remove("format");
        ArrayNode warnings = tree.putArray("warnings");
        for (ImportWarning warning : preview.warnings()) {
            if (warning.code() != ImportWarning.Code.PAGE_BREAK_REPAIRED) {
                warnings.addObject().put("code", warning.code().name())
                        .put("item", warning.location().item()).put("column", warning.location().column());
            }
        }
        return tree;
    }
}
