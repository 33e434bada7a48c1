package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.util.List;

/**
 * The extracted document in a form that does not depend on the file format: a sequence of text lines
 * (order paragraphs) and table rows, in reading order. A TXT export, a Word table and a PDF page all end
 * up here, so one table reader serves every format.
 *
 * @param format the detected media type
 * @param blocks paragraphs and table rows in reading order
 */
public record SourceDocument(String format, List<Block> blocks) {

    public SourceDocument {
        blocks = List.copyOf(blocks);
    }

    /** A paragraph or a table row; {@code line} is its 1-based position in the source (line, paragraph or row). */
    public sealed interface Block permits Text, Row {
        int line();
    }

    /** A paragraph outside any table. */
    public record Text(String text, int line) implements Block {
    }

    /**
     * A table row.
     *
     * @param cells the cells left to right
     * @param repeatedHeader the source marks the row as a header repeated on every page (Word {@code tblHeader})
     * @param table which table of the document the row belongs to, counted from 1
     */
    public record Row(List<Cell> cells, int line, boolean repeatedHeader, int table) implements Block {

        public Row {
            cells = List.copyOf(cells);
        }

        public boolean isBlank() {
            return cells.stream().allMatch(cell -> cell.text().isBlank());
        }

        /** The cells on the table grid: a cell spanning n columns fills n slots, with its text or empty. */
        public List<String> grid(boolean repeatSpans) {
            List<String> grid = new java.util.ArrayList<>();
            for (Cell cell : cells) {
                String text = cell.mergedFromAbove() ? "" : cell.text();
                grid.add(text);
                for (int s = 1; s < cell.span(); s++) {
                    grid.add(repeatSpans ? text : "");
                }
            }
            return grid;
        }
    }

    /**
     * A table cell.
     *
     * @param span how many grid columns it covers (Word {@code gridSpan}, HTML {@code colspan})
     * @param mergedFromAbove the cell continues the cell above it (Word {@code vMerge}) and carries no text
     */
    public record Cell(String text, int span, boolean mergedFromAbove) {

        public static Cell of(String text) {
            return new Cell(text, 1, false);
        }
    }
}
