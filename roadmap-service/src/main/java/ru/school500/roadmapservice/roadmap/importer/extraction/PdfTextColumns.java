package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import ru.school500.roadmapservice.roadmap.importer.ColumnRole;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.reading.CellJoiner;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/**
 * A PDF table drawn without ruling lines, read from glyph positions alone: words are grouped into lines by
 * their baseline and into chunks by wide horizontal gaps. The first line whose chunks read as annex headings
 * fixes the column boundaries; from there on every line becomes a table row whose chunks fall into columns by
 * position (a cell wrapped over several lines arrives as rows with an empty number column, which the table
 * reader merges). Lines before the heading are the order's paragraphs. {@link PdfReader} uses it only for
 * documents whose pages draw no table grid.
 */
final class PdfTextColumns {

    private PdfTextColumns() {
    }

    private record Word(String text, float x, float endX, float y, float size) {
    }

    private record Chunk(String text, float x, float endX, List<Word> words) {
    }

    private record Line(List<Chunk> chunks, float baseline, float size) {
        String text() {
            return String.join(" ", chunks.stream().map(Chunk::text).toList());
        }
    }

    static List<Block> read(PDDocument document) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            lines.addAll(pageLines(document, page));
        }
        return blocks(lines);
    }

    private static final int MAX_HEADING_LINES = 4;
    private static final CellJoiner JOINER = new CellJoiner(List.of());

    private static List<Block> blocks(List<Line> lines) {
        List<Block> blocks = new ArrayList<>();
        List<Line> paragraph = new ArrayList<>();
        float[] columns = null;
        List<String> headingLines = List.of();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int number = i + 1;
            if (columns == null) {
                for (int count = 1; count <= MAX_HEADING_LINES && i + count <= lines.size() && columns == null; count++) {
                    List<Chunk> heading = headingCells(lines.subList(i, i + count));
                    while (isHeading(heading) && i + count < lines.size() && count < MAX_HEADING_LINES
                            && !startsItem(lines.get(i + count))) {
                        List<Chunk> longer = headingCells(lines.subList(i, i + count + 1));
                        if (longer.size() != heading.size()) {
                            break;
                        }
                        heading = longer; // the heading's cells wrap onto this line too
                        count++;
                    }
                    if (isHeading(heading)) {
                        flush(paragraph, blocks);
                        columns = new float[heading.size()];
                        for (int c = 0; c < columns.length; c++) {
                            columns[c] = c == 0 ? Float.NEGATIVE_INFINITY : heading.get(c - 1).endX() + 1;
                        }
                        headingLines = lines.subList(i, i + count).stream().map(Line::text).toList();
                        List<Cell> cells = heading.stream().map(chunk -> Cell.of(Texts.clean(chunk.text()))).toList();
                        blocks.add(new Row(cells, number, false, 1));
                        i += count - 1;
                    }
                }
                if (columns != null) {
                    continue;
                }
            }
            if (columns == null) {
                paragraph.add(line);
                continue;
            }
            if (repeatsHeading(lines, i, headingLines)) {
                i += headingLines.size() - 1; // the heading printed again on a new page
                continue;
            }
            String[] cells = new String[columns.length];
            for (Chunk chunk : line.chunks()) {
                for (Word word : chunk.words()) { // words, not chunks: neighbouring cells' texts can touch
                    int column = 0;
                    while (column + 1 < columns.length && word.x() >= columns[column + 1]) {
                        column++;
                    }
                    cells[column] = cells[column] == null ? word.text().trim() : cells[column] + " " + word.text().trim();
                }
            }
            List<Cell> row = new ArrayList<>();
            for (String cell : cells) {
                row.add(Cell.of(Texts.clean(cell)));
            }
            blocks.add(new Row(row, number, false, 1));
        }
        flush(paragraph, blocks);
        return blocks;
    }

    /** The order's lines before the table as paragraphs. */
    private static void flush(List<Line> lines, List<Block> blocks) {
        List<PdfParagraphs.Line> geometry = lines.stream().map(line -> new PdfParagraphs.Line(line.chunks().getFirst().x(),
                line.chunks().getLast().endX(), line.baseline(), line.size(), Texts.clean(line.text()))).toList();
        for (PdfParagraphs.Line joined : PdfParagraphs.join(geometry, JOINER)) {
            blocks.add(new Text(joined.text(), blocks.size() + 1));
        }
        lines.clear();
    }

    private static boolean startsItem(Line line) {
        return line.chunks().getFirst().text().matches("^(?:\\d{1,3}(?:\\.\\d{1,3})*\\.?|[IVX]{1,5}\\.)(?:\\s.*)?$");
    }

    private static boolean repeatsHeading(List<Line> lines, int from, List<String> heading) {
        if (heading.isEmpty() || from + heading.size() > lines.size()) {
            return false;
        }
        for (int k = 0; k < heading.size(); k++) {
            if (!lines.get(from + k).text().equals(heading.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The heading cells of one to four lines read together: chunks that overlap horizontally are one cell, its
     * text joined top to bottom, so a heading whose cells wrap or are centred vertically ("Сроки" over
     * "реализации", "Задачи" on the middle line) reads as one row.
     */
    private static List<Chunk> headingCells(List<Line> lines) {
        List<Chunk> all = new ArrayList<>();
        lines.forEach(line -> all.addAll(line.chunks()));
        List<List<Chunk>> clusters = new ArrayList<>();
        for (Chunk chunk : all) {
            List<Chunk> home = null;
            for (List<Chunk> cluster : clusters) {
                float left = (float) cluster.stream().mapToDouble(Chunk::x).min().orElseThrow();
                float right = (float) cluster.stream().mapToDouble(Chunk::endX).max().orElseThrow();
                if (chunk.x() < right && chunk.endX() > left) {
                    home = cluster;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(chunk);
        }
        List<Chunk> cells = new ArrayList<>();
        for (List<Chunk> cluster : clusters) {
            String text = String.join(" ", cluster.stream().map(Chunk::text).toList());
            cells.add(new Chunk(text, (float) cluster.stream().mapToDouble(Chunk::x).min().orElseThrow(),
                    (float) cluster.stream().mapToDouble(Chunk::endX).max().orElseThrow(), List.of()));
        }
        cells.sort(Comparator.comparingDouble(Chunk::x));
        return cells;
    }

    private static boolean isHeading(List<Chunk> chunks) {
        Set<ColumnRole> roles = EnumSet.noneOf(ColumnRole.class);
        int recognised = 0;
        for (Chunk chunk : chunks) {
            ColumnRole role = chunk.text().length() <= 60 ? ColumnRole.of(chunk.text()) : null;
            if (role != null) {
                recognised++;
                roles.add(role);
            }
        }
        return roles.size() >= 3 && roles.contains(ColumnRole.TASK) && recognised * 2 >= chunks.size();
    }

    private static List<Line> pageLines(PDDocument document, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (positions.isEmpty() || text.isBlank()) {
                    return;
                }
                // split the run where glyphs are far apart: such gaps separate table columns
                int start = 0;
                for (int i = 1; i <= positions.size(); i++) {
                    boolean end = i == positions.size();
                    if (!end) {
                        TextPosition previous = positions.get(i - 1);
                        TextPosition current = positions.get(i);
                        float gap = current.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                        end = gap > gapLimit(previous);
                    }
                    if (end) {
                        add(positions.subList(start, i));
                        start = i;
                    }
                }
            }

            private void add(List<TextPosition> glyphs) {
                StringBuilder text = new StringBuilder();
                glyphs.forEach(glyph -> text.append(glyph.getUnicode()));
                if (text.toString().isBlank()) {
                    return;
                }
                TextPosition first = glyphs.getFirst();
                TextPosition last = glyphs.getLast();
                words.add(new Word(text.toString(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                        first.getYDirAdj(), first.getFontSizeInPt()));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        words.sort(Comparator.comparingDouble(Word::y).thenComparingDouble(Word::x));
        List<Line> lines = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        float baseline = Float.NaN;
        for (Word word : words) {
            if (!current.isEmpty() && Math.abs(word.y() - baseline) > Math.max(2f, word.size() * 0.4f)) {
                lines.add(chunks(current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                baseline = word.y();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(chunks(current));
        }
        return lines;
    }

    private static float gapLimit(TextPosition glyph) {
        return Math.max(4f, glyph.getFontSizeInPt() * 0.8f);
    }

    private static Line chunks(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::x));
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float x = 0;
        float endX = 0;
        List<Word> members = new ArrayList<>();
        for (Word word : sorted) {
            float limit = Math.max(4f, word.size() * 0.8f);
            if (text.isEmpty()) {
                text.append(word.text());
                x = word.x();
            } else if (word.x() - endX > limit) {
                chunks.add(new Chunk(text.toString().trim(), x, endX, List.copyOf(members)));
                members.clear();
                text.setLength(0);
                text.append(word.text());
                x = word.x();
            } else {
                text.append(' ').append(word.text());
            }
            endX = word.endX();
            members.add(word);
        }
        chunks.add(new Chunk(text.toString().trim(), x, endX, List.copyOf(members)));
        return new Line(chunks, sorted.getFirst().y(), sorted.getFirst().size());
    }
}
