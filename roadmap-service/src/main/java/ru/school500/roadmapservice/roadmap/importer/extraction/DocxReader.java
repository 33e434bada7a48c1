package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/**
 * Word 2007+ through POI XWPF: body paragraphs and real tables in document order, keeping horizontal merges
 * ({@code gridSpan}), vertical merges ({@code vMerge}) and rows marked to repeat as header on every page.
 */
class DocxReader {

    private final ImporterProperties limits;

    DocxReader(ImporterProperties limits) {
        this.limits = limits;
    }

    SourceDocument read(byte[] bytes) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Block> blocks = new ArrayList<>();
            int[] counters = {0, 0, 0}; // line, table, characters
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = Texts.clean(paragraph.getText());
                    counters[0]++;
                    if (!text.isEmpty()) {
                        count(counters, text);
                        blocks.add(new Text(text, counters[0]));
                    }
                } else if (element instanceof XWPFTable table) {
                    counters[1]++;
                    for (XWPFTableRow row : table.getRows()) {
                        counters[0]++;
                        List<Cell> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            String text = cellText(cell);
                            count(counters, text);
                            cells.add(new Cell(text, span(cell), mergedFromAbove(cell)));
                        }
                        blocks.add(new Row(cells, counters[0], row.isRepeatHeader(), counters[1]));
                    }
                }
            }
            return new SourceDocument(DocumentExtractor.DOCX, blocks);
        } catch (EncryptedDocumentException e) {
            throw new ImportRejectedException(Reason.ENCRYPTED, "Документ Word защищён паролем.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new ImportRejectedException(Reason.UNSAFE_ARCHIVE,
                        "Архив DOCX сжат подозрительно сильно (похоже на zip-бомбу): файл отклонён.", e);
            }
            throw new ImportRejectedException(Reason.DAMAGED, "Файл DOCX повреждён и не читается.", e);
        }
    }

    private void count(int[] counters, String text) {
        counters[2] += text.length();
        if (counters[2] > limits.maxTextCharacters()) {
            throw new ImportRejectedException(Reason.TOO_COMPLEX, "В документе больше "
                    + limits.maxTextCharacters() + " символов текста: это не похоже на распоряжение.");
        }
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                text.append(paragraph.getText()).append(' ');
            } else if (element instanceof XWPFTable nested) {
                nested.getRows().forEach(row -> row.getTableCells()
                        .forEach(inner -> text.append(cellText(inner)).append(' ')));
            }
        }
        return Texts.clean(text.toString());
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties != null && properties.isSetGridSpan() && properties.getGridSpan().getVal() != null) {
            return Math.max(1, properties.getGridSpan().getVal().intValue());
        }
        return 1;
    }

    private static boolean mergedFromAbove(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || !properties.isSetVMerge()) {
            return false;
        }
        STMerge.Enum value = properties.getVMerge().getVal();
        return value == null || value == STMerge.CONTINUE;
    }
}
