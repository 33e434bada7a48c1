package ru.school500.roadmapservice.roadmap.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import ru.school500.roadmapservice.roadmap.RoadmapView;

/**
 * Writes a roadmap in the annex layout ({@link AnnexLayout}).
 * <ul>
 * <li>XLSX: row 1 the title, row 2 the approval line (both merged over the six columns), row 3 the column
 * header, then section rows (merged, bold) and item rows; text wraps.</li>
 * <li>CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic), {@code ;} separated as Russian-locale Excel
 * expects, CRLF line ends, RFC 4180 quoting; the header row, then section and item rows (no title rows).</li>
 * </ul>
 */
@Component
public class RoadmapExporter {

    public static final String SHEET_NAME = "Дорожная карта";
    private static final int[] WIDTHS = { 8, 60, 22, 40, 45, 45 };

    public byte[] xlsx(RoadmapView roadmap) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.cloneStyleFrom(wrap);
            bold.setFont(boldFont);
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 0;
            mergedRow(sheet, r++, roadmap.title(), bold);
            mergedRow(sheet, r++, AnnexLayout.approvalLine(roadmap), wrap);
            writeCells(sheet.createRow(r++), AnnexLayout.COLUMNS, bold);
            for (AnnexLayout.Row row : AnnexLayout.rows(roadmap)) {
                if (row.section()) {
                    mergedRow(sheet, r++, row.cells().getFirst(), bold);
                } else {
                    writeCells(sheet.createRow(r++), row.cells(), wrap);
                }
            }
            sheet.createFreezePane(0, 3);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv(RoadmapView roadmap) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, AnnexLayout.COLUMNS);
        for (AnnexLayout.Row row : AnnexLayout.rows(roadmap)) {
            line(csv, row.cells());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void mergedRow(Sheet sheet, int index, String text, CellStyle style) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, AnnexLayout.COLUMNS.size() - 1));
    }

    private static void writeCells(Row row, List<String> cells, CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
            row.getCell(c).setCellStyle(style);
        }
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                csv.append(';');
            }
            String cell = cells.get(c);
            if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
