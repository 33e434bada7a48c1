package ru.school500.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** A corpus order as a regional ministry would publish it: plain text, Word (POI) or PDF with a text layer (PDFBox). */
final class OrderFormats {

    static final List<String> HEADINGS = List.of("№ п/п", "Задачи", "Сроки реализации", "Исполнители",
            "Показатель реализации", "Информационное сопровождение");
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private OrderFormats() {
    }

    static List<String> headerLines(Corpus.Order order) {
        String region = order.region().name().toUpperCase(java.util.Locale.ROOT);
        return List.of("МИНИСТЕРСТВО ОБРАЗОВАНИЯ (" + region + ")", "РАСПОРЯЖЕНИЕ", order.dateText(),
                "№ " + order.number(), "г. Административный центр", order.title(), order.preamble(),
                "1. Утвердить дорожную карту по реализации проекта адресной методической помощи общеобразовательным "
                        + "организациям «500+» в " + order.year() + " году (далее – дорожная карта) согласно приложению.",
                "2. Контроль за выполнением распоряжения оставляю за собой.", "Министр образования", order.signatory(),
                "Приложение",
                "УТВЕРЖДЕНА", "распоряжением министерства образования", "от " + order.dateText() + " № " + order.number(),
                "ДОРОЖНАЯ КАРТА", "по реализации проекта адресной методической помощи общеобразовательным организациям "
                        + "«500+» в " + order.year() + " году");
    }

    static List<List<String>> rows(Corpus.Order order) {
        List<List<String>> rows = new ArrayList<>();
        for (Corpus.Section section : order.sections()) {
            rows.add(List.of(section.number() + ". " + section.title(), "", "", "", "", ""));
            for (Corpus.Item item : section.items()) {
                rows.add(List.of(item.number(), item.task(), item.deadline(), item.executors(), item.indicator(),
                        item.link()));
            }
        }
        return rows;
    }

    static byte[] txt(Corpus.Order order) {
        StringBuilder out = new StringBuilder("\n");
        for (String line : headerLines(order)) {
            out.append(line).append("\n\n");
        }
        out.append(String.join("\t", HEADINGS)).append('\n');
        for (List<String> row : rows(order)) {
            out.append(String.join("\t", row)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx(Corpus.Order order) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : headerLines(order)) {
                document.createParagraph().createRun().setText(line);
            }
            List<List<String>> rows = rows(order);
            XWPFTable table = document.createTable(rows.size() + 1, HEADINGS.size());
            fill(table.getRow(0), HEADINGS);
            for (int i = 0; i < rows.size(); i++) {
                fill(table.getRow(i + 1), rows.get(i));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.getCell(c).setText(cells.get(c));
        }
    }

    /** Landscape A4, ruled table, headings repeated on every page, cells wrapped to their column. */
    static byte[] pdf(Corpus.Order order) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PDType0Font.load(document, FONT.toFile());
            new PdfWriter(document, font).write(order);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class PdfWriter {
        private static final float MARGIN = 36;
        private static final float SIZE = 8;
        private static final float LEADING = 10;
        private static final float[] WIDTHS = { 40, 230, 90, 150, 150, 110 };

        private final PDDocument document;
        private final PDFont font;
        private final PDRectangle box = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private PDPageContentStream page;
        private float y;

        PdfWriter(PDDocument document, PDFont font) {
            this.document = document;
            this.font = font;
        }

        void write(Corpus.Order order) throws IOException {
            newPage();
            for (String line : headerLines(order)) {
                for (String wrapped : wrap(line, box.getWidth() - 2 * MARGIN, 10)) {
                    if (y < MARGIN + 20) {
                        newPage();
                    }
                    text(MARGIN, y, wrapped, 10);
                    y -= 13;
                }
                y -= 4;
            }
            header();
            for (List<String> row : rows(order)) {
                row(row);
            }
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(box);
            document.addPage(p);
            page = new PDPageContentStream(document, p);
            y = box.getHeight() - MARGIN;
        }

        private void header() throws IOException {
            row(HEADINGS);
        }

        private void row(List<String> cells) throws IOException {
            boolean section = cells.get(1).isEmpty() && !cells.get(0).isEmpty();
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < cells.size(); c++) {
                float width = section && c == 0 ? sum(WIDTHS) - 4 : WIDTHS[c] - 4;
                List<String> wrapped = section && c > 0 ? List.of() : wrap(cells.get(c), width, SIZE);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            float rowHeight = height * LEADING + 4;
            if (y - rowHeight < MARGIN) {
                newPage();
                if (!cells.equals(HEADINGS)) {
                    header();
                }
            }
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                float ty = y - LEADING;
                for (String line : lines.get(c)) {
                    text(x + 2, ty, line, SIZE);
                    ty -= LEADING;
                }
                x += WIDTHS[c];
            }
            page.setLineWidth(0.5f);
            page.addRect(MARGIN, y - rowHeight, sum(WIDTHS), rowHeight);
            if (!section) {
                float lx = MARGIN;
                for (int c = 0; c < WIDTHS.length - 1; c++) {
                    lx += WIDTHS[c];
                    page.moveTo(lx, y);
                    page.lineTo(lx, y - rowHeight);
                }
            }
            page.stroke();
            y -= rowHeight;
        }

        private void text(float x, float ty, String line, float size) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, ty);
            page.showText(line);
            page.endText();
        }

        private List<String> wrap(String text, float width, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private static float sum(float[] values) {
            float total = 0;
            for (float v : values) {
                total += v;
            }
            return total;
        }
    }
}
