package ru.school500.roadmapservice.roadmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.ItemDraft;
import ru.school500.roadmapservice.roadmap.KirovRoadmapMother;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapDraft;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.roadmap.SectionDraft;
import tools.jackson.databind.json.JsonMapper;

/** The approved Kirov roadmap exported in the annex's column layout, read back cell by cell. */
class ExportIT extends IntegrationTest {

    private static final List<String> HEADER = List.of("№ п/п", "Наименование мероприятия", "Срок реализации",
            "Ответственные исполнители", "Показатель реализации", "Информационное сопровождение");

    @Autowired
    JsonMapper json;

    RoadmapView kirov;
    RoadmapDraft expected = KirovRoadmapMother.draft();

    @BeforeEach
    void approvedKirov() throws Exception {
        kirov = new RoadmapApi(mvc, json).approvedKirov();
    }

    @Test
    void xlsxHasTheAnnexLayoutCellByCell() throws Exception {
        byte[] body = mvc.perform(get("/api/roadmaps/{id}/export.xlsx", kirov.id()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roadmap-43-2022-v1.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheet("Дорожная карта");
            assertThat(sheet).isNotNull();
            assertThat(text(sheet.getRow(0), 0)).isEqualTo(KirovRoadmapMother.TITLE);
            assertThat(text(sheet.getRow(1), 0)).isEqualTo(
                    "Утверждена: распоряжение Министерство образования Кировской области от 16.03.2022 № 324");
            assertThat(cells(sheet.getRow(2))).isEqualTo(HEADER);
            assertThat(workbook.getFontAt(sheet.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();

            int r = 3;
            for (SectionDraft section : expected.sections()) {
                Row sectionRow = sheet.getRow(r);
                assertThat(text(sectionRow, 0)).isEqualTo(section.number() + " " + section.title());
                assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(r, r, 0, 5));
                r++;
                for (ItemDraft item : section.items()) {
                    assertThat(cells(sheet.getRow(r))).as("row %d (%s)", r, item.number()).containsExactly(
                            item.number(), item.task(), item.deadline().text(), item.executorsText(),
                            item.indicatorText(), item.informationText());
                    r++;
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5 + 31 - 1);
            assertThat(text(sheet.getRow(sheet.getLastRowNum()), 0)).isEqualTo("5.4");
            assertThat(text(sheet.getRow(4), 2)).isEqualTo("до 23.12.2021");
        }
    }

    @Test
    void csvHasTheSameRowsSemicolonSeparatedWithBom() throws Exception {
        byte[] body = mvc.perform(get("/api/roadmaps/{id}/export.csv", kirov.id()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF№ п/п;Наименование мероприятия;Срок реализации;");
        List<List<String>> rows = parse(csv.substring(1));
        assertThat(rows).hasSize(1 + 5 + 31);
        assertThat(rows.getFirst()).isEqualTo(HEADER);
        assertThat(rows.get(1)).containsExactly("1. " + expected.sections().getFirst().title(), "", "", "", "", "");
        ItemDraft first = expected.sections().getFirst().items().getFirst();
        assertThat(first.task()).contains(";"); // so the quoting is exercised
        assertThat(rows.get(2)).containsExactly(first.number(), first.task(), first.deadline().text(),
                first.executorsText(), first.indicatorText(), first.informationText());
        assertThat(rows.getLast().getFirst()).isEqualTo("5.4");
    }

    private static String text(Row row, int cell) {
        return row.getCell(cell).getStringCellValue();
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (Cell cell : row) {
            values.add(cell.getStringCellValue());
        }
        return values;
    }

    /** RFC 4180 reading with ';' as separator. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
