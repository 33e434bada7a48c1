package ru.school500.roadmapservice.roadmap.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * Builds order documents for tests (FTGO-style "mother"): the order text as paragraphs and an annex table
 * given as rows of cells, written as DOCX with real Word tables (header row marked to repeat, merged
 * section rows) or as a landscape PDF whose rows wrap inside their columns and continue after page breaks
 * under a repeated heading, as printed orders do.
 */
final class OrderDocuments {

    /** An annex row: a section row spans the whole table. */
    record AnnexRow(List<String> cells, boolean section) {

        static AnnexRow section(String text) {
            return new AnnexRow(List.of(text), true);
        }

        static AnnexRow item(List<String> cells) {
            return new AnnexRow(List.copyOf(cells), false);
        }
    }

    /** An order: paragraphs before the annex, the annex heading rows, the rows, relative column widths. */
    record Order(List<String> paragraphs, List<List<String>> headings, List<AnnexRow> rows, int[] widths) {
    }

    private OrderDocuments() {
    }

    /** The order as plain text, one tab-separated line per row (the layout of the fixture exports). */
    static byte[] txt(Order order) {
        StringBuilder text = new StringBuilder();
        order.paragraphs().forEach(p -> text.append(p).append("\n\n"));
        order.headings().forEach(h -> text.append(String.join("\t", h)).append('\n'));
        int columns = order.widths().length;
        for (AnnexRow row : order.rows()) {
            List<String> cells = new ArrayList<>(row.cells());
            while (cells.size() < columns) {
                cells.add("");
            }
            text.append(String.join("\t", cells)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The order as DOCX: paragraphs, then one table whose heading rows repeat on every page, section rows as
     * one cell spanning all columns, and the heading repeated physically once more before {@code repeatBefore}.
     */
    static byte[] docx(Order order, int repeatBefore) {
        int columns = order.widths().length;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            order.paragraphs().forEach(p -> document.createParagraph().createRun().setText(p));
            XWPFTable table = document.createTable(1, columns);
            boolean first = true;
            for (List<String> heading : order.headings()) {
                XWPFTableRow row = first ? table.getRow(0) : table.createRow();
                first = false;
                fill(row, heading, columns);
                row.setRepeatHeader(true);
            }
            for (int r = 0; r < order.rows().size(); r++) {
                if (r == repeatBefore) {
                    for (List<String> heading : order.headings()) {
                        fill(table.createRow(), heading, columns);
                    }
                }
                AnnexRow annexRow = order.rows().get(r);
                XWPFTableRow row = table.createRow();
                if (annexRow.section()) {
                    while (row.getTableCells().size() > 1) {
                        row.removeCell(row.getTableCells().size() - 1);
                    }
                    XWPFTableCell cell = row.getCell(0);
                    cell.setText(annexRow.cells().getFirst());
                    CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(columns));
                } else {
                    fill(row, annexRow.cells(), columns);
                }
            }
            document.createParagraph().createRun().setText("");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, int columns) {
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = row.getCell(c) == null ? row.addNewTableCell() : row.getCell(c);
            cell.setText(c < cells.size() ? cells.get(c) : "");
        }
    }

    /** A font with Cyrillic glyphs from the system, or {@code null} when the machine has none. */
    static Path cyrillicFont() {
        for (String candidate : List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/TTF/DejaVuSans.ttf", "/Library/Fonts/Arial Unicode.ttf", "C:/Windows/Fonts/arial.ttf")) {
            if (Files.isReadable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static final float SIZE = 7f;
    private static final float LEADING = 9f;
    private static final float MARGIN = 30f;
    private static final float PAD = 4f;

    /** The order as a landscape A4 PDF with a text layer. */
    static byte[] pdf(Order order, Path fontFile) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PDType0Font.load(document, fontFile.toFile());
            Pdf pdf = new Pdf(document, font);
            float usable = PDRectangle.A4.getHeight() - 2 * MARGIN;
            for (String paragraph : order.paragraphs()) {
                for (String line : wrap(font, paragraph, usable)) {
                    pdf.line(List.of(line), new float[] {MARGIN});
                }
                pdf.skip();
            }
            float total = 0;
            for (int w : order.widths()) {
                total += w;
            }
            float[] x = new float[order.widths().length];
            float[] width = new float[order.widths().length];
            float cursor = MARGIN;
            for (int c = 0; c < x.length; c++) {
                x[c] = cursor;
                width[c] = usable * order.widths()[c] / total;
                cursor += width[c];
            }
            pdf.heading = order.headings();
            pdf.headingX = x;
            pdf.writeHeading();
            for (AnnexRow row : order.rows()) {
                List<List<String>> wrapped = new ArrayList<>();
                if (row.section()) {
                    wrapped.add(wrap(font, row.cells().getFirst(), usable - 2 * PAD));
                } else {
                    for (int c = 0; c < x.length; c++) {
                        wrapped.add(wrap(font, c < row.cells().size() ? row.cells().get(c) : "", width[c] - 2 * PAD));
                    }
                }
                int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
                for (int l = 0; l < lines; l++) {
                    List<String> texts = new ArrayList<>();
                    for (List<String> column : wrapped) {
                        texts.add(l < column.size() ? column.get(l) : "");
                    }
                    float[] positions = row.section() ? new float[] {x[0] + PAD} : shifted(x);
                    if (pdf.line(texts, positions)) {
                        pdf.writeHeading();
                        pdf.line(texts, positions);
                    }
                }
                pdf.skip();
            }
            pdf.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] shifted(float[] x) {
        float[] shifted = new float[x.length];
        for (int c = 0; c < x.length; c++) {
            shifted[c] = x[c] + PAD;
        }
        return shifted;
    }

    /** Words wrapped to a width; a word wider than the width is cut where it must be. */
    static List<String> wrap(PDFont font, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * SIZE;
    }

    /** Writes lines top to bottom, starting new pages as needed. */
    private static final class Pdf {
        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;
        List<List<String>> heading;
        float[] headingX;

        Pdf(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Writes one line; answers {@code true} when a new page had to be started first (nothing written). */
        boolean line(List<String> texts, float[] x) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
                if (heading != null) {
                    return true;
                }
            }
            for (int c = 0; c < texts.size() && c < x.length; c++) {
                if (!texts.get(c).isEmpty()) {
                    stream.beginText();
                    stream.setFont(font, SIZE);
                    stream.newLineAtOffset(x[c], y);
                    stream.showText(texts.get(c));
                    stream.endText();
                }
            }
            y -= LEADING;
            return false;
        }

        void writeHeading() throws IOException {
            for (List<String> row : heading) {
                line(row, shifted(headingX));
            }
            skip();
        }

        void skip() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
