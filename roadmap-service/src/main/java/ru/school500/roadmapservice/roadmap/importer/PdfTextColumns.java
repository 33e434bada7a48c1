package ru.school500.roadmapservice.roadmap.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import ru.school500.roadmapservice.roadmap.importer.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.SourceDocument.Text;

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

    private record Chunk(String text, float x, float endX) {
    }

    private record Line(List<Chunk> chunks) {
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

    private static List<Block> blocks(List<Line> lines) {
        List<Block> blocks = new ArrayList<>();
        float[] columns = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int number = i + 1;
            if (columns == null && isHeading(line)) {
                columns = new float[line.chunks().size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = c == 0 ? Float.NEGATIVE_INFINITY
                            : (line.chunks().get(c - 1).endX() + line.chunks().get(c).x()) / 2;
                }
            }
            if (columns == null) {
                blocks.add(new Text(Texts.clean(line.text()), number));
                continue;
            }
            String[] cells = new String[columns.length];
            for (Chunk chunk : line.chunks()) {
                int column = 0;
                while (column + 1 < columns.length && chunk.x() >= columns[column + 1]) {
                    column++;
                }
                cells[column] = cells[column] == null ? chunk.text() : cells[column] + " " + chunk.text();
            }
            List<Cell> row = new ArrayList<>();
            for (String cell : cells) {
                row.add(Cell.of(Texts.clean(cell)));
            }
            blocks.add(new Row(row, number, false, 1));
        }
        return blocks;
    }

    private static boolean isHeading(Line line) {
        Set<ColumnRole> roles = EnumSet.noneOf(ColumnRole.class);
        int recognised = 0;
        for (Chunk chunk : line.chunks()) {
            ColumnRole role = chunk.text().length() <= 60 ? ColumnRole.of(chunk.text()) : null;
            if (role != null) {
                recognised++;
                roles.add(role);
            }
        }
        return roles.size() >= 3 && roles.contains(ColumnRole.TASK) && recognised * 2 >= line.chunks().size();
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
        for (Word word : sorted) {
            float limit = Math.max(4f, word.size() * 0.8f);
            if (text.isEmpty()) {
                text.append(word.text());
                x = word.x();
            } else if (word.x() - endX > limit) {
                chunks.add(new Chunk(text.toString().trim(), x, endX));
                text.setLength(0);
                text.append(word.text());
                x = word.x();
            } else {
                text.append(' ').append(word.text());
            }
            endX = word.endX();
        }
        chunks.add(new Chunk(text.toString().trim(), x, endX));
        return new Line(chunks);
    }
}
