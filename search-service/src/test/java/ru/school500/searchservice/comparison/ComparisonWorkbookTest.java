package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.school500.searchservice.comparison.ComparisonMother.IRKUTSK;
import static ru.school500.searchservice.comparison.ComparisonMother.KIROV;
import static ru.school500.searchservice.comparison.ComparisonMother.day;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ComparisonWorkbookTest {

    private static final List<ComparedItem> ITEMS = List.of(
            irkutsk("1.15").task("Разработать и провести региональный мониторинг образовательных достижений")
                    .in("MONITORING").deadline("в течение года").kind("THROUGHOUT_YEAR").period("2021-01-01", "2021-12-31")
                    .by("REGIONAL_INSTITUTE", "ЦОПМКиМКО")
                    .indicator("Аналитический отчёт").build(),
            irkutsk("2.7").task("Утвердить методические рекомендации по взаимодействию школ с родителями")
                    .in("PARENTS_COMMUNITY").deadline("ноябрь").period("2021-11-01", "2021-11-30")
                    .by("MINISTRY", "Министерство образования Иркутской области").indicator("Распорядительный документ")
                    .build(),
            irkutsk("2.8").in("PARENTS_COMMUNITY").period("2021-11-01", "2021-11-30").by("REGIONAL_INSTITUTE").build(),
            kirov("1.10").task("Направление результатов мониторинга дорожной карты").in("MONITORING")
                    .period("2022-06-17", "2022-06-17").by("REGIONAL_INSTITUTE").indicator("Информация в ФИОКО")
                    .build(),
            kirov("2.10").in("MENTORING").period("2022-08-01", "2022-08-31").by("OTHER", "ЦНППМ").build(),
            kirov("2.6").deadline("по плану").build());

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesOneSheetPerViewWithBoldFrozenRussianHeaders() throws IOException {
        try (Workbook workbook = export(comparison())) {
            assertThat(sheetNames(workbook)).containsExactly("Дорожные карты", "Категории", "Исполнители",
                    "Помесячно", "Просроченные", "Похожие", "Оценка");
            for (Sheet sheet : workbook) {
                int headerRow = sheet.getSheetName().equals(ComparisonWorkbook.OVERDUE) ? 1 : 0;
                Cell first = sheet.getRow(headerRow).getCell(0);
                assertThat(workbook.getFontAt(first.getCellStyle().getFontIndex()).getBold())
                        .as(sheet.getSheetName()).isTrue();
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane).as(sheet.getSheetName()).isNotNull();
                assertThat(pane.isFreezePane()).isTrue();
                assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(headerRow + 1);
            }
            assertThat(texts(workbook.getSheet("Дорожные карты").getRow(0))).startsWith("Регион", "Код региона",
                    "Дорожная карта", "Год");
        }
    }

    @Test
    void roadmapsSheetListsEachRoadmapWithItsScore() throws IOException {
        try (Workbook workbook = export(comparison())) {
            Sheet sheet = workbook.getSheet("Дорожные карты");
            assertThat(texts(sheet.getRow(1))).containsExactly("Иркутская область", "38", IRKUTSK.title(), "2021",
                    "региональная", "утверждена", "3", "3", "2 из 6", "красная");
            assertThat(texts(sheet.getRow(2))).startsWith("Кировская область", "43");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Просроченные мероприятия — на 01.12.2022");
        }
    }

    @Test
    void categoriesSheetShowsCountsWithItemNumbersInTheNextColumn() throws IOException {
        try (Workbook workbook = export(comparison())) {
            Sheet sheet = workbook.getSheet("Категории");
            assertThat(texts(sheet.getRow(0))).containsExactly("Код", "Категория",
                    "Иркутская область, 2021: мероприятий", "Иркутская область, 2021: пункты",
                    "Кировская область, 2022: мероприятий", "Кировская область, 2022: пункты");
            Row parents = row(sheet, "PARENTS_COMMUNITY");
            assertThat(parents.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(parents.getCell(3).getStringCellValue()).isEqualTo("2.7, 2.8");
            assertThat(parents.getCell(4).getNumericCellValue()).isZero();
            Row unclassified = row(sheet, CategoryMatrix.UNCLASSIFIED);
            assertThat(texts(unclassified)).containsExactly(CategoryMatrix.UNCLASSIFIED,
                    "Не отнесены ни к одной категории", "0", "", "1", "2.6");
            assertThat(texts(sheet.getRow(sheet.getLastRowNum())))
                    .containsExactly("", "Всего мероприятий", "3", "", "3", "");
        }
    }

    @Test
    void executorsMonthsOverdueSimilarAndScoreSheetsCarryTheirViews() throws IOException {
        try (Workbook workbook = export(comparison())) {
            Row institutes = row(workbook.getSheet("Исполнители"), "REGIONAL_INSTITUTE");
            assertThat(texts(institutes)).containsExactly("REGIONAL_INSTITUTE", "Региональные институты и центры", "2",
                    "1.15, 2.8", "1", "1.10");

            Sheet months = workbook.getSheet("Помесячно");
            assertThat(months.getRow(1).getCell(0).getStringCellValue()).isEqualTo("январь 2021");
            assertThat(texts(row(months, "ноябрь 2021")))
                    .containsExactly("ноябрь 2021", "3", "1.15, 2.7, 2.8", "0", "");
            assertThat(texts(row(months, "Без дат"))).containsExactly("Без дат", "0", "", "1", "2.6");

            Sheet overdue = workbook.getSheet("Просроченные");
            assertThat(overdue.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Просроченные мероприятия на 01.12.2022");
            assertThat(texts(overdue.getRow(2))).startsWith("Иркутская область, 2021", "1.15");
            assertThat(overdue.getRow(2).getCell(4).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(day("2021-12-31"));
            assertThat(overdue.getRow(2).getCell(7).getStringCellValue()).isEqualTo("нет отчёта");

            Sheet similar = workbook.getSheet("Похожие");
            assertThat(texts(similar.getRow(1))).containsExactly("Иркутская область, 2021", "1.15",
                    "Разработать и провести региональный мониторинг образовательных достижений",
                    "Кировская область, 2022", "1.10", "Направление результатов мониторинга дорожной карты", "0.73",
                    "мониторинг, региональный");

            Sheet score = workbook.getSheet("Оценка");
            assertThat(texts(score.getRow(1))).startsWith("Иркутская область, 2021", "Мониторинг и диагностика", "да",
                    "1", "1");
            assertThat(texts(score.getRow(7))).startsWith("Иркутская область, 2021", "Итого", "красная зона", "2", "6");
        }
    }

    @Test
    void emptyViewsSayThereIsNothing() throws IOException {
        Comparison empty = Comparison.of(Taxonomy.load(json), CoverageRubric.defaults(), List.of(IRKUTSK), List.of(),
                day("2021-12-31"), List.of());
        try (Workbook workbook = export(empty)) {
            assertThat(workbook.getSheet("Просроченные").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Просроченных мероприятий нет");
            assertThat(workbook.getSheet("Похожие").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Похожие мероприятия не найдены");
            assertThat(texts(row(workbook.getSheet("Помесячно"), "Без дат"))).containsExactly("Без дат", "0", "");
        }
    }

    @Test
    void roadmapsThatWouldShareAHeaderAreToldApart() throws IOException {
        ComparedRoadmap municipal = new ComparedRoadmap("rm-38-m", "38", "Иркутская область",
                "Муниципальная дорожная карта г. Братска", 2021, "DRAFT", "MUNICIPAL");
        Comparison comparison = Comparison.of(Taxonomy.load(json), CoverageRubric.defaults(),
                List.of(IRKUTSK, municipal), List.of(), day("2021-12-31"), List.of());
        try (Workbook workbook = export(comparison)) {
            assertThat(texts(workbook.getSheet("Категории").getRow(0))).contains(
                    "Иркутская область, 2021 — " + IRKUTSK.title() + ": мероприятий",
                    "Иркутская область, 2021 — Муниципальная дорожная карта г. Братска: мероприятий");
        }
    }

    private Comparison comparison() {
        SimilarPair pair = new SimilarPair("rm-38:1.15", IRKUTSK.id(), "1.15", ITEMS.getFirst().task(), "rm-43:1.10",
                KIROV.id(), "1.10", ITEMS.get(3).task(), 0.7312, List.of("мониторинг", "региональный"), "Общие слова: мониторинг, региональный.");
        return Comparison.of(Taxonomy.load(json), CoverageRubric.defaults(), ComparisonMother.roadmaps(), ITEMS,
                day("2022-12-01"), List.of(pair));
    }

    private static Workbook export(Comparison comparison) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ComparisonWorkbook.write(comparison, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static Row row(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && firstCell.equals(text(cell))) {
                return row;
            }
            Cell second = row.getCell(1);
            if (second != null && firstCell.equals(text(second)) && (cell == null || text(cell).isEmpty())) {
                return row;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + sheet.getSheetName());
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? "" : text(cell));
        }
        return texts;
    }

    private static String text(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.2f", value)
                        .replace(',', '.');
            }
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }
}
