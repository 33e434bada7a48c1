package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import ru.school500.roadmapservice.roadmap.importer.ColumnRole;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;
import ru.school500.roadmapservice.roadmap.importer.extraction.PdfGrid.GridCell;
import ru.school500.roadmapservice.roadmap.importer.extraction.PdfGrid.GridRow;
import ru.school500.roadmapservice.roadmap.importer.extraction.PdfGrid.Table;
import ru.school500.roadmapservice.roadmap.importer.extraction.PdfPage.Glyph;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.reading.CellJoiner;
import ru.school500.roadmapservice.roadmap.importer.reading.RussianWords;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/**
 * PDF through PDFBox, from glyph positions and ruling lines. Where a page draws a table grid ({@link PdfGrid})
 * every grid row becomes a {@link Row} and every cell gets the glyphs inside its lines, so neither centred nor
 * wrapped headings nor long cells shift text into a neighbour; a cell's lines are joined telling soft from
 * hard hyphens ({@link CellJoiner}); a row continued on the next page arrives as a row without a number,
 * which the table reader merges. Text outside tables becomes paragraphs ({@link PdfParagraphs}). A document that draws no grid at all is read by columns of text
 * ({@link PdfTextColumns}).
 */
class PdfReader {

    private static final Pattern SPLIT_WORD = Pattern.compile("(?<![\\p{L}\\d])(\\p{L}{2,}) (\\p{Ll}+)(?![\\p{L}\\d])");

    private final ImporterProperties limits;
    private final CellJoiner joiner = new CellJoiner(List.of());

    PdfReader(ImporterProperties limits) {
        this.limits = limits;
    }

    /** A piece of a page in reading order: a paragraph line or a table row. */
    private record Piece(float top, Block block) {
    }

    private record TextLine(List<Glyph> glyphs, float left, float right, float baseline, float size, String text) {
    }

    SourceDocument read(byte[] bytes) {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.maxPdfMemory().toBytes());
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, memory.streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new ImportRejectedException(Reason.TOO_COMPLEX,
                        "В PDF " + pages + " страниц, допускается не больше " + limits.maxPages() + ".");
            }
            List<Block> blocks = new ArrayList<>();
            boolean ruled = false;
            int characters = 0;
            for (int p = 0; p < pages; p++) {
                PdfPage page = PdfPage.read(document, p);
                characters += page.glyphs().size();
                if (characters > limits.maxTextCharacters()) {
                    throw new ImportRejectedException(Reason.TOO_COMPLEX, "В документе больше "
                            + limits.maxTextCharacters() + " символов текста: это не похоже на распоряжение.");
                }
                List<Table> tables = PdfGrid.tables(page);
                ruled |= !tables.isEmpty();
                for (Piece piece : pieces(page, tables)) {
                    blocks.add(renumbered(piece.block(), blocks.size() + 1));
                }
            }
            if (blocks.isEmpty()) {
                throw hasImages(document)
                        ? new ImportRejectedException(Reason.NO_TEXT_LAYER, "PDF содержит только изображения "
                                + "страниц (скан без текстового слоя). Загрузите документ с текстом или распознайте его.")
                        : new ImportRejectedException(Reason.NO_TEXT_LAYER, "В PDF нет текста.");
            }
            if (!ruled || blocks.stream().noneMatch(PdfReader::isHeadingRow)) {
                return new SourceDocument(DocumentExtractor.PDF, PdfTextColumns.read(document));
            }
            return new SourceDocument(DocumentExtractor.PDF, blocks);
        } catch (InvalidPasswordException e) {
            throw new ImportRejectedException(Reason.ENCRYPTED,
                    "PDF зашифрован паролем: загрузите документ без защиты.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            throw new ImportRejectedException(Reason.DAMAGED, "Файл PDF повреждён и не читается.", e);
        }
    }

    private static boolean isHeadingRow(Block block) {
        return block instanceof Row row && ColumnRole.readsAsHeading(row.grid(true));
    }

    private static Block renumbered(Block block, int line) {
        return switch (block) {
            case Text text -> new Text(text.text(), line);
            case Row row -> new Row(row.cells(), line, row.repeatedHeader(), row.table());
        };
    }

    private List<Piece> pieces(PdfPage page, List<Table> tables) {
        List<Piece> pieces = new ArrayList<>();
        List<Glyph> outside = new ArrayList<>();
        for (Glyph glyph : page.glyphs()) {
            if (tables.stream().noneMatch(table -> table.contains(glyph))) {
                outside.add(glyph);
            }
        }
        List<PdfParagraphs.Line> outsideLines = lines(outside).stream()
                .map(l -> new PdfParagraphs.Line(l.left(), l.right(), l.baseline(), l.size(), l.text())).toList();
        for (PdfParagraphs.Line paragraph : PdfParagraphs.join(outsideLines, joiner)) {
            pieces.add(new Piece(paragraph.baseline() - paragraph.size(), new Text(paragraph.text(), 0)));
        }
        for (Table table : tables) {
            for (GridRow row : table.rows()) {
                List<Cell> cells = new ArrayList<>();
                for (GridCell cell : row.cells()) {
                    cells.add(new Cell(cellText(cell), cell.span(), false));
                }
                pieces.add(new Piece(row.top(), new Row(cells, 0, false, 1)));
            }
        }
        pieces.sort(Comparator.comparingDouble(Piece::top));
        return pieces;
    }

    private String cellText(GridCell cell) {
        String text = "";
        for (TextLine line : lines(cell.glyphs())) {
            text = joiner.joinLines(text, line.text(), !line.text().contains(" "));
        }
        return Texts.clean(text);
    }

    /** Glyphs grouped into lines by baseline, each line's text with spaces where words part. */
    private static List<TextLine> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<List<Glyph>> groups = new ArrayList<>();
        float baseline = Float.NaN;
        for (Glyph glyph : sorted) {
            if (groups.isEmpty() || Math.abs(glyph.baseline() - baseline) > Math.max(1.5f, glyph.size() * 0.4f)) {
                groups.add(new ArrayList<>());
                baseline = glyph.baseline();
            }
            groups.getLast().add(glyph);
        }
        List<TextLine> lines = new ArrayList<>();
        for (List<Glyph> group : groups) {
            group.sort(Comparator.comparingDouble(Glyph::x));
            StringBuilder text = new StringBuilder();
            float end = Float.NaN;
            Glyph space = null;
            float left = Float.NaN;
            float right = Float.NaN;
            float size = 0;
            for (Glyph glyph : group) {
                if (glyph.isSpace()) {
                    space = glyph;
                    continue;
                }
                // Chromium prints a zero-advance space where a soft hyphen did not break the line
                boolean spaced = space != null && glyph.x() - space.x() >= (space.endX() - space.x()) * 0.5f;
                if (!text.isEmpty() && (spaced || glyph.x() - end > glyph.size() * 0.3f)) {
                    text.append(' ');
                }
                text.append(glyph.text());
                space = null;
                end = glyph.endX();
                left = Float.isNaN(left) ? glyph.x() : left;
                right = glyph.endX();
                size = Math.max(size, glyph.size());
            }
            String cleaned = repairSplitWords(Texts.clean(text.toString()));
            if (!cleaned.isEmpty()) {
                lines.add(new TextLine(group, left, right, group.getFirst().baseline(), size, cleaned));
            }
        }
        return lines;
    }

    /** "мероприяти й", "региональн ой": a space the glyph spacing put inside a word the dictionary knows whole. */
    static String repairSplitWords(String text) {
        Matcher split = SPLIT_WORD.matcher(text);
        StringBuilder repaired = new StringBuilder();
        int from = 0;
        while (split.find(from)) {
            String left = split.group(1);
            String right = split.group(2);
            if (!RussianWords.isWord(left) && RussianWords.isWord(left + right)) {
                repaired.append(text, from, split.start()).append(left).append(right);
                from = split.end();
            } else {
                repaired.append(text, from, split.start(2));
                from = split.start(2);
            }
        }
        return repaired.append(text.substring(from)).toString();
    }

    private static boolean hasImages(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
        }
        return false;
    }
}
