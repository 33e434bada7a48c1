package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ColumnRole;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument;

/**
 * Reads the annex table from the rows of a {@link SourceDocument}, whatever the format: finds the heading
 * row by its words (also a two-level heading and a column-number row under it), drops headings repeated
 * after page breaks, tells section rows ("1. Организационные мероприятия") from items ("1.12"), merges
 * continuation rows (empty number) into their item cell by cell, and checks the numbering.
 */
class AnnexReader {

    private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+)\\.?$");
    private static final Pattern FLAT_NUMBER = Pattern.compile("^(\\d{1,3})\\.?$");
    private static final Pattern SECTION_INLINE = Pattern.compile(
            "^(?:[Рр]аздел\\s+)?(\\d{1,3}(?:\\.\\d{1,3})*|[IVX]{1,5})\\.?\\s+(\\S.*)$");
    private static final Pattern SECTION_ALONE = Pattern.compile("^(?:[Рр]аздел\\s+)?(\\d{1,3}|[IVX]{1,5})\\.?$");
    private static final Pattern ROMAN = Pattern.compile("^[IVX]{1,5}$");
    private static final Pattern COLUMN_NUMBERS = Pattern.compile("^\\d{1,2}(?:\\s+\\d{1,2}){2,}$");

    /** A column of the annex: its grid index, its heading as written and its recognised role. */
    record Column(int index, String heading, ColumnRole role) {
    }

    /** An item as read: its cells by grid column, merged over continuation rows. */
    static final class RawItem {
        final String number;
        final int line;
        final String[] cells;

        RawItem(String number, int line, int columns) {
            this.number = number;
            this.line = line;
            this.cells = new String[columns];
        }
    }

    static final class RawSection {
        final String number;
        String title;
        final List<String> subtitles = new ArrayList<>();
        final List<RawItem> items = new ArrayList<>();
        final int line;

        RawSection(String number, String title, int line) {
            this.number = number;
            this.title = title;
            this.line = line;
        }
    }

    /** The annex: where its heading is, its columns and its sections. */
    record Annex(int headingBlock, List<Column> columns, List<RawSection> sections) {
    }

    private final CellJoiner joiner;
    private final Warnings warnings;

    AnnexReader(CellJoiner joiner, Warnings warnings) {
        this.joiner = joiner;
        this.warnings = warnings;
    }

    /** The annex, or {@code null} when no row of the document reads as a roadmap heading. */
    Annex read(List<Block> blocks) {
        int headingIndex = -1;
        List<String> top = null;
        for (int i = 0; i < blocks.size() && headingIndex < 0; i++) {
            if (blocks.get(i) instanceof Row row) {
                List<String> grid = grid(row, true);
                if (isHeading(grid)) {
                    headingIndex = i;
                    top = grid;
                }
            }
        }
        if (headingIndex < 0) {
            return null;
        }
        Row headingRow = (Row) blocks.get(headingIndex);
        int next = headingIndex + 1;
        Set<String> repeatedRows = new HashSet<>();
        repeatedRows.add(signature(top));
        repeatedRows.add(signature(grid(headingRow, false)));
        List<String> headings = new ArrayList<>(top);
        Row subRow = nextRow(blocks, next);
        if (subRow != null && isSubHeading(headingRow, top, grid(subRow, false))) {
            List<String> sub = grid(subRow, false);
            String parent = "";
            for (int c = 0; c < headings.size(); c++) {
                String topText = headings.get(c);
                String subText = c < sub.size() ? sub.get(c) : "";
                if (!topText.isEmpty()) {
                    parent = topText;
                }
                String base = topText.isEmpty() && !subText.isEmpty() ? parent : topText;
                headings.set(c, (base + " " + subText).trim());
            }
            repeatedRows.add(signature(sub));
            next = blocks.indexOf(subRow) + 1;
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < headings.size(); c++) {
            ColumnRole role = ColumnRole.of(headings.get(c));
            if (headings.get(c).isEmpty()) {
                continue;
            }
            columns.add(new Column(c, headings.get(c), role));
            if (role == null) {
                warnings.add(Code.UNKNOWN_COLUMN, "Столбец «" + headings.get(c) + "» не распознан: его текст "
                        + "сохранён в otherColumns мероприятий.", new Location(null, headingRow.line(), headings.get(c)));
            }
        }
        int width = headings.size();
        int numberColumn = columns.stream().filter(c -> c.role() == ColumnRole.NUMBER).mapToInt(Column::index)
                .findFirst().orElse(0);
        boolean sectioned = false;
        for (int i = next; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Row row) {
                List<String> grid = grid(row, false);
                String number = numberColumn < grid.size() ? grid.get(numberColumn) : "";
                if (ITEM_NUMBER.matcher(number).matches()) {
                    sectioned = true;
                    break;
                }
            }
        }
        return new Annex(headingIndex, columns,
                readRows(blocks, next, width, numberColumn, sectioned, repeatedRows, columns));
    }

    private List<RawSection> readRows(List<Block> blocks, int from, int width, int numberColumn, boolean sectioned,
            Set<String> repeatedRows, List<Column> columns) {
        List<RawSection> sections = new ArrayList<>();
        RawSection section = null;
        RawItem item = null;
        Set<String> seenItems = new HashSet<>();
        Set<String> seenSections = new HashSet<>();
        int lastSection = 0;
        int lastItem = 0;
        int itemsBefore = 0;
        for (int i = from; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Row row) || row.isBlank()) {
                continue;
            }
            List<String> grid = grid(row, false);
            if (row.repeatedHeader() || repeatedRows.contains(signature(grid)) || isColumnNumbers(grid)) {
                continue;
            }
            String number = numberColumn < grid.size() ? grid.get(numberColumn) : "";
            List<Integer> filled = filled(grid);
            String[] heading = sectionHeading(row, grid, number, filled, numberColumn, sectioned,
                    nextNumber(blocks, i + 1, numberColumn, repeatedRows));
            if (heading != null) {
                String sectionNumber = heading[0];
                String sectionTitle = heading[1];
                if (section != null && section.items.isEmpty() && sectionNumber != null
                        && sectionNumber.equals(section.number)) {
                    section.subtitles.add(sectionTitle);
                    warnings.add(Code.DUPLICATE_NUMBER, "Номер раздела " + sectionNumber + " указан дважды "
                            + "подряд; вторая строка принята как подзаголовок раздела: «" + sectionTitle + "».",
                            new Location(sectionNumber, row.line(), null));
                    continue;
                }
                section = new RawSection(sectionNumber, sectionTitle, row.line());
                sections.add(section);
                item = null;
                itemsBefore = Math.max(itemsBefore, lastItem);
                lastItem = 0;
                if (sectionNumber != null && sectionNumber.indexOf('.') < 0) {
                    checkSequence(sectionNumber, lastSection, seenSections, "раздела", row.line());
                    Integer value = sectionValue(sectionNumber);
                    lastSection = value == null ? lastSection : value;
                }
                continue;
            }
            Matcher itemNumber = (sectioned ? ITEM_NUMBER : FLAT_NUMBER).matcher(number);
            if (itemNumber.matches()) {
                String value = itemNumber.group(1);
                if (section == null) {
                    String prefix = sectioned ? value.substring(0, value.indexOf('.')) : null;
                    section = new RawSection(prefix, null, row.line());
                    sections.add(section);
                    if (sectioned) {
                        warnings.add(Code.UNPLACED_ROW, "Пункт " + value + " стоит до первой строки раздела; "
                                + "создан раздел без названия.", new Location(value, row.line(), null));
                    }
                }
                item = new RawItem(value, row.line(), width);
                for (int c = 0; c < width && c < grid.size(); c++) {
                    item.cells[c] = c == numberColumn ? "" : grid.get(c);
                }
                section.items.add(item);
                if (!sectioned && lastItem == 0 && integer(value) != null && integer(value) == itemsBefore + 1) {
                    lastItem = itemsBefore; // flat numbering that runs on across sections
                }
                lastItem = checkItem(section, value, lastItem, seenItems, row.line());
                extraCells(grid, width, value, row.line());
                continue;
            }
            if (number.isEmpty() && item != null) {
                for (int c = 0; c < width && c < grid.size(); c++) {
                    if (c != numberColumn && !grid.get(c).isEmpty()) {
                        CellJoiner.Joined joined = joiner.join(item.cells[c], grid.get(c));
                        item.cells[c] = joined.text();
                        if (joined.droppedOverlap() != null) {
                            warnings.add(Code.PAGE_BREAK_REPAIRED, "На разрыве страницы текст «"
                                    + joined.droppedOverlap() + "» повторён дважды; повтор удалён.",
                                    new Location(item.number, row.line(), heading(columns, c)));
                        }
                    }
                }
                extraCells(grid, width, item.number, row.line());
                continue;
            }
            if (section != null && section.items.isEmpty() && filled.size() == 1) {
                section.title = joiner.join(section.title, grid.get(filled.getFirst())).text();
                continue;
            }
            warnings.add(Code.UNPLACED_ROW, "Строку «" + abbreviate(String.join(" | ", grid.stream()
                    .filter(text -> !text.isEmpty()).toList())) + "» не удалось отнести ни к одному пункту.",
                    new Location(item == null ? null : item.number, row.line(), null));
        }
        return sections;
    }

    /**
     * The number and title of a section heading row, or {@code null} for any other row. A heading is a row
     * whose only text is "1. Title", "II. Title" or "Раздел 3. Title"; a row merged over the whole table without
     * a number; a Roman numeral with its title; or a number with only a title beside it whose next numbered row
     * lies inside it ("1.1." before "1.1.1", "2" before "2.1"), the way three-level and numbered-row
     * headings are written.
     */
    private static String[] sectionHeading(Row row, List<String> grid, String number, List<Integer> filled,
            int numberColumn, boolean sectioned, String nextNumber) {
        Matcher inline = SECTION_INLINE.matcher(number);
        if (filled.size() == 1 && filled.getFirst() == numberColumn && inline.matches()
                && !ITEM_NUMBER.matcher(number).matches() && !FLAT_NUMBER.matcher(number).matches()) {
            return new String[] {inline.group(1), inline.group(2)};
        }
        if (filled.size() == 1 && filled.getFirst() != numberColumn && number.isEmpty()
                && row.cells().size() == 1 && row.cells().getFirst().span() > 1) {
            Matcher merged = SECTION_INLINE.matcher(grid.get(filled.getFirst()));
            return merged.matches() ? new String[] {merged.group(1), merged.group(2)}
                    : new String[] {null, grid.get(filled.getFirst())}; // a merged row without a number
        }
        if (filled.size() != 2 || filled.getFirst() != numberColumn) {
            return null;
        }
        String title = grid.get(filled.get(1));
        Matcher alone = SECTION_ALONE.matcher(number);
        if (alone.matches() && (ROMAN.matcher(alone.group(1)).matches() || number.startsWith("Раздел")
                || number.startsWith("раздел"))) {
            return new String[] {alone.group(1), title};
        }
        String plain = number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
        boolean numbered = ITEM_NUMBER.matcher(number).matches() || FLAT_NUMBER.matcher(number).matches();
        if (numbered && nextNumber != null && nextNumber.startsWith(plain + ".")) {
            return new String[] {plain, title};
        }
        if (sectioned && alone.matches() && !ITEM_NUMBER.matcher(number).matches()) {
            return new String[] {alone.group(1), title};
        }
        return null;
    }

    /** The number of the next row that has one, without its trailing dot. */
    private static String nextNumber(List<Block> blocks, int from, int numberColumn, Set<String> repeatedRows) {
        for (int i = from; i < blocks.size() && i < from + 200; i++) {
            if (blocks.get(i) instanceof Row row && !row.isBlank()) {
                List<String> grid = grid(row, false);
                if (repeatedRows.contains(signature(grid)) || isColumnNumbers(grid)) {
                    continue;
                }
                String number = numberColumn < grid.size() ? grid.get(numberColumn) : "";
                if (ITEM_NUMBER.matcher(number).matches() || FLAT_NUMBER.matcher(number).matches()) {
                    return number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
                }
            }
        }
        return null;
    }

    private static Integer sectionValue(String number) {
        return ROMAN.matcher(number).matches() ? roman(number) : integer(number);
    }

    private static int roman(String numeral) {
        int total = 0;
        int previous = 0;
        for (int i = numeral.length() - 1; i >= 0; i--) {
            int value = switch (numeral.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                default -> 10;
            };
            total += value < previous ? -value : value;
            previous = Math.max(previous, value);
        }
        return total;
    }

    private int checkItem(RawSection section, String number, int last, Set<String> seen, int line) {
        if (!seen.add(number)) {
            warnings.add(Code.DUPLICATE_NUMBER, "Пункт " + number + " встречается в приложении повторно.",
                    new Location(number, line, null));
            return last;
        }
        int dot = number.lastIndexOf('.');
        String prefix = dot < 0 ? null : number.substring(0, dot);
        Integer value = integer(dot < 0 ? number : number.substring(dot + 1));
        if (section.number != null && prefix != null && !prefix.equals(section.number)) {
            warnings.add(Code.NUMBERING_MISMATCH, "Пункт " + number + " стоит в разделе " + section.number + ".",
                    new Location(number, line, null));
        }
        if (value == null) {
            return last;
        }
        if (value > last + 1) {
            String expected = (prefix == null ? "" : prefix + ".") + (last + 1);
            warnings.add(Code.NUMBERING_GAP, value == last + 2
                    ? "Пропущен пункт " + expected + "."
                    : "Пропущены пункты " + expected + "–" + (prefix == null ? "" : prefix + ".") + (value - 1) + ".",
                    new Location(number, line, null));
        } else if (value <= last) {
            warnings.add(Code.NUMBERING_GAP, "Нарушен порядок нумерации: пункт " + number + " после пункта "
                    + (prefix == null ? "" : prefix + ".") + last + ".", new Location(number, line, null));
        }
        return Math.max(value, last);
    }

    private void checkSequence(String number, int last, Set<String> seen, String what, int line) {
        if (!seen.add(number)) {
            warnings.add(Code.DUPLICATE_NUMBER, "Номер " + what + " " + number + " встречается повторно.",
                    new Location(number, line, null));
            return;
        }
        Integer value = sectionValue(number);
        if (value != null && value != last + 1) {
            warnings.add(Code.NUMBERING_GAP, "Нумерация " + what + " нарушена: " + number + " после " + last + ".",
                    new Location(number, line, null));
        }
    }

    private void extraCells(List<String> grid, int width, String item, int line) {
        for (int c = width; c < grid.size(); c++) {
            if (!grid.get(c).isEmpty()) {
                warnings.add(Code.UNPLACED_ROW, "Текст «" + abbreviate(grid.get(c)) + "» стоит за последним "
                        + "столбцом таблицы и не учтён.", new Location(item, line, null));
            }
        }
    }

    private static String heading(List<Column> columns, int index) {
        return columns.stream().filter(c -> c.index() == index).map(Column::heading).findFirst().orElse(null);
    }

    private static Row nextRow(List<Block> blocks, int from) {
        for (int i = from; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Row row && !row.isBlank()) {
                return row;
            }
        }
        return null;
    }

    static List<String> grid(Row row, boolean repeatSpans) {
        return row.grid(repeatSpans);
    }

    static boolean isHeading(List<String> grid) {
        return ColumnRole.readsAsHeading(grid);
    }

    private static boolean isSubHeading(Row headingRow, List<String> top, List<String> sub) {
        boolean spans = headingRow.cells().stream().anyMatch(cell -> cell.span() > 1) || top.contains("");
        if (!spans || isColumnNumbers(sub)) {
            return false;
        }
        for (String text : sub) {
            if (text.length() > 60 || ITEM_NUMBER.matcher(text).matches() || SECTION_INLINE.matcher(text).matches()
                    || FLAT_NUMBER.matcher(text).matches()) {
                return false;
            }
        }
        return !filled(sub).isEmpty();
    }

    static boolean isColumnNumbers(List<String> grid) {
        List<Integer> filled = filled(grid);
        if (filled.size() == 1) {
            return COLUMN_NUMBERS.matcher(grid.get(filled.getFirst())).matches()
                    && consecutive(grid.get(filled.getFirst()).split("\\s+"));
        }
        if (filled.size() < 3) {
            return false;
        }
        return consecutive(filled.stream().map(grid::get).toArray(String[]::new));
    }

    private static boolean consecutive(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals(String.valueOf(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> filled(List<String> grid) {
        List<Integer> filled = new ArrayList<>();
        for (int c = 0; c < grid.size(); c++) {
            if (!grid.get(c).isEmpty()) {
                filled.add(c);
            }
        }
        return filled;
    }

    private static String signature(List<String> grid) {
        return Texts.fold(String.join(" ", grid)).replaceAll("[^\\p{L}\\d]+", "");
    }

    private static Integer integer(String text) {
        return text.matches("\\d{1,3}") ? Integer.valueOf(text) : null;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
