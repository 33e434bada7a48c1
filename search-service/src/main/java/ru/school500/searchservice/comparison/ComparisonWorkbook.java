package ru.school500.searchservice.comparison;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The whole comparison as an XLSX workbook, one sheet per view. Matrices put each roadmap in two columns, the
 * count and the item numbers behind it, so the numbers stay visible and filterable without opening comments.
 * Header rows are bold and frozen; all headers and labels are in Russian.
 */
public final class ComparisonWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ROADMAPS = "Дорожные карты";
    public static final String CATEGORIES = "Категории";
    public static final String EXECUTORS = "Исполнители";
    public static final String MONTHS = "Помесячно";
    public static final String OVERDUE = "Просроченные";
    public static final String SIMILAR = "Похожие";
    public static final String COVERAGE = "Оценка";

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int MAX_CELL_TEXT = 32_000;
    private static final Map<String, String> LEVELS = Map.of("REGIONAL", "региональная", "MUNICIPAL", "муниципальная");
    private static final Map<String, String> STATUSES = Map.of("DRAFT", "проект", "APPROVED", "утверждена",
            "SUPERSEDED", "утратила силу");
    private static final Map<String, String> PROGRESS = Map.of("NOT_STARTED", "не начато", "IN_PROGRESS",
            "выполняется", "DONE", "выполнено", "OVERDUE", "просрочено", "CANCELLED", "отменено");

    private ComparisonWorkbook() {
    }

    public static void write(Comparison comparison, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Writer(workbook, comparison).write();
            workbook.write(out);
        }
    }

    private static final class Writer {

        private final XSSFWorkbook workbook;
        private final Comparison comparison;
        private final Map<String, String> labels;
        private final CellStyle header;
        private final CellStyle text;
        private final CellStyle bold;
        private final CellStyle number;
        private final CellStyle date;
        private final CellStyle decimal;
        private final Map<CoverageScore.Zone, CellStyle> zones = new HashMap<>();

        Writer(XSSFWorkbook workbook, Comparison comparison) {
            this.workbook = workbook;
            this.comparison = comparison;
            this.labels = labels(comparison.roadmaps());
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            bold = workbook.createCellStyle();
            bold.cloneStyleFrom(text);
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            number = workbook.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            date = workbook.createCellStyle();
            date.cloneStyleFrom(number);
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            decimal = workbook.createCellStyle();
            decimal.cloneStyleFrom(number);
            decimal.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
            zones.put(CoverageScore.Zone.GREEN, fill(IndexedColors.LIGHT_GREEN));
            zones.put(CoverageScore.Zone.YELLOW, fill(IndexedColors.LIGHT_YELLOW));
            zones.put(CoverageScore.Zone.RED, fill(IndexedColors.ROSE));
        }

        void write() {
            roadmaps();
            categories();
            executors();
            months();
            overdue();
            similar();
            coverage();
        }

        private void roadmaps() {
            Sheet sheet = sheet(ROADMAPS, 0, 1, List.of("Регион", "Код региона", "Дорожная карта", "Год", "Уровень",
                    "Статус", "Мероприятий", "С датами", "Оценка, баллы", "Зона"),
                    28, 10, 50, 8, 16, 14, 13, 11, 12, 12);
            Map<String, Integer> totals = new HashMap<>();
            comparison.categories().totals().forEach(cell -> totals.put(cell.roadmapId(), cell.count()));
            Map<String, Integer> dated = new HashMap<>();
            comparison.overdue().roadmaps().forEach(row -> dated.put(row.roadmapId(), row.dated()));
            Map<String, CoverageScore> scores = new HashMap<>();
            comparison.coverage().forEach(score -> scores.put(score.roadmapId(), score));
            int r = 1;
            for (ComparedRoadmap roadmap : comparison.roadmaps()) {
                Row row = sheet.createRow(r++);
                text(row, 0, roadmap.regionName() != null ? roadmap.regionName() : roadmap.region(), text);
                text(row, 1, roadmap.region(), text);
                text(row, 2, roadmap.title(), text);
                number(row, 3, roadmap.year());
                text(row, 4, LEVELS.getOrDefault(roadmap.level(), roadmap.level()), text);
                text(row, 5, STATUSES.getOrDefault(roadmap.status(), roadmap.status()), text);
                number(row, 6, totals.get(roadmap.id()));
                number(row, 7, dated.get(roadmap.id()));
                CoverageScore score = scores.get(roadmap.id());
                if (score != null) {
                    text(row, 8, score.points() + " из " + score.max(), text);
                    text(row, 9, score.zone().title(), zones.get(score.zone()));
                }
            }
            r++;
            text(sheet.createRow(r++), 0, "Версия правил отнесения к категориям: " + comparison.taxonomyVersion(),
                    text);
            text(sheet.createRow(r), 0, overdueHeading("Просроченные мероприятия — на "), text);
        }

        private void categories() {
            List<String> head = new ArrayList<>(List.of("Код", "Категория"));
            pairHeaders(head);
            Sheet sheet = sheet(CATEGORIES, 2, 1, head, pairWidths(18, 45));
            int r = 1;
            for (CategoryMatrix.Row matrixRow : comparison.categories().rows()) {
                Row row = sheet.createRow(r++);
                text(row, 0, matrixRow.code(), text);
                text(row, 1, matrixRow.title(), text);
                pairs(row, 2, matrixRow.cells().stream().map(c -> new Pair(c.count(), c.itemNumbers())).toList());
            }
            Row total = sheet.createRow(r);
            text(total, 1, "Всего мероприятий", bold);
            pairs(total, 2, comparison.categories().totals().stream()
                    .map(c -> new Pair(c.count(), List.<String>of())).toList());
        }

        private void executors() {
            List<String> head = new ArrayList<>(List.of("Код", "Тип исполнителя"));
            pairHeaders(head);
            Sheet sheet = sheet(EXECUTORS, 2, 1, head, pairWidths(20, 40));
            List<ExecutorTypes.RoadmapExecutors> roadmaps = comparison.executors().roadmaps();
            int r = 1;
            for (int t = 0; t < comparison.executors().types().size(); t++) {
                String type = comparison.executors().types().get(t);
                Row row = sheet.createRow(r++);
                text(row, 0, type, text);
                text(row, 1, ExecutorTypes.title(type), text);
                int index = t;
                pairs(row, 2, roadmaps.stream().map(roadmap -> roadmap.types().get(index))
                        .map(c -> new Pair(c.count(), c.itemNumbers())).toList());
            }
            Row none = sheet.createRow(r++);
            text(none, 1, "Исполнитель не указан", text);
            pairs(none, 2, roadmaps.stream()
                    .map(roadmap -> new Pair(roadmap.withoutExecutors().size(), roadmap.withoutExecutors())).toList());
            Row total = sheet.createRow(r);
            text(total, 1, "Всего мероприятий", bold);
            pairs(total, 2, roadmaps.stream().map(roadmap -> new Pair(roadmap.items(), List.<String>of())).toList());
        }

        private void months() {
            List<String> head = new ArrayList<>(List.of("Месяц"));
            pairHeaders(head);
            Sheet sheet = sheet(MONTHS, 1, 1, head, pairWidths(18));
            Timeline timeline = comparison.timeline();
            int r = 1;
            for (int m = 0; m < timeline.months().size(); m++) {
                Row row = sheet.createRow(r++);
                text(row, 0, month(timeline.months().get(m)), text);
                int index = m;
                pairs(row, 1, timeline.roadmaps().stream().map(roadmap -> roadmap.months().get(index))
                        .map(c -> new Pair(c.count(), c.itemNumbers())).toList());
            }
            Row undated = sheet.createRow(r);
            text(undated, 0, "Без дат", bold);
            pairs(undated, 1, timeline.roadmaps().stream()
                    .map(roadmap -> new Pair(roadmap.undated().size(), roadmap.undated())).toList());
        }

        private void overdue() {
            Sheet sheet = workbook.createSheet(OVERDUE);
            text(sheet.createRow(0), 0, overdueHeading("Просроченные мероприятия на "), bold);
            headerRow(sheet, 1, List.of("Дорожная карта", "№", "Мероприятие", "Срок", "Последний день срока",
                    "Исполнители", "Последний этап мониторинга", "Статус на этапе"));
            widths(sheet, 28, 7, 60, 22, 14, 35, 14, 16);
            sheet.createFreezePane(0, 2);
            int r = 2;
            for (Overdue.RoadmapOverdue roadmap : comparison.overdue().roadmaps()) {
                for (Overdue.OverdueItem item : roadmap.items()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, labels.get(roadmap.roadmapId()), text);
                    text(row, 1, item.number(), text);
                    text(row, 2, item.task(), text);
                    text(row, 3, item.deadlineText(), text);
                    date(row, 4, item.deadline());
                    text(row, 5, item.executors(), text);
                    date(row, 6, item.lastStage());
                    text(row, 7, !roadmap.progressConsidered() ? "мониторинг недоступен"
                            : item.lastStatus() == null ? "нет отчёта"
                            : PROGRESS.getOrDefault(item.lastStatus(), item.lastStatus()), text);
                }
            }
            if (r == 2) {
                text(sheet.createRow(r), 0, "Просроченных мероприятий нет", text);
            }
        }

        private String overdueHeading(String onDate) {
            Overdue overdue = comparison.overdue();
            return overdue.basis() == Overdue.Basis.REQUESTED ? onDate + DAY.format(overdue.date())
                    : overdue.explanation();
        }

        private void similar() {
            Sheet sheet = sheet(SIMILAR, 0, 1, List.of("Дорожная карта", "№", "Мероприятие", "Похожая дорожная карта",
                    "№", "Мероприятие", "Сходство", "Общие слова"), 28, 7, 55, 28, 7, 55, 10, 40);
            int r = 1;
            for (SimilarPair pair : comparison.similar()) {
                Row row = sheet.createRow(r++);
                text(row, 0, labels.getOrDefault(pair.leftRoadmapId(), pair.leftRoadmapId()), text);
                text(row, 1, pair.leftNumber(), text);
                text(row, 2, pair.leftTask(), text);
                text(row, 3, labels.getOrDefault(pair.rightRoadmapId(), pair.rightRoadmapId()), text);
                text(row, 4, pair.rightNumber(), text);
                text(row, 5, pair.rightTask(), text);
                Cell score = row.createCell(6);
                score.setCellValue(pair.score());
                score.setCellStyle(decimal);
                text(row, 7, String.join(", ", pair.sharedTerms()), text);
            }
            if (r == 1) {
                text(sheet.createRow(r), 0, "Похожие мероприятия не найдены", text);
            }
        }

        private void coverage() {
            Sheet sheet = sheet(COVERAGE, 0, 1, List.of("Дорожная карта", "Критерий", "Выполнен", "Баллы", "Из",
                    "Обоснование"), 28, 40, 11, 8, 6, 90);
            int r = 1;
            for (CoverageScore score : comparison.coverage()) {
                String label = labels.getOrDefault(score.roadmapId(), score.roadmapId());
                for (CoverageScore.Reason reason : score.reasons()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, label, text);
                    text(row, 1, reason.title(), text);
                    text(row, 2, reason.met() ? "да" : "нет", text);
                    number(row, 3, reason.points());
                    number(row, 4, reason.max());
                    text(row, 5, reason.text(), text);
                }
                Row total = sheet.createRow(r++);
                text(total, 0, label, bold);
                text(total, 1, "Итого", bold);
                text(total, 2, score.zone().title() + " зона", zones.get(score.zone()));
                number(total, 3, score.points());
                number(total, 4, score.max());
            }
        }

        private record Pair(int count, List<String> numbers) {
        }

        private void pairHeaders(List<String> head) {
            for (ComparedRoadmap roadmap : comparison.roadmaps()) {
                head.add(labels.get(roadmap.id()) + ": мероприятий");
                head.add(labels.get(roadmap.id()) + ": пункты");
            }
        }

        private int[] pairWidths(int... leading) {
            int[] widths = new int[leading.length + 2 * comparison.roadmaps().size()];
            System.arraycopy(leading, 0, widths, 0, leading.length);
            for (int i = leading.length; i < widths.length; i++) {
                widths[i] = (i - leading.length) % 2 == 0 ? 14 : 30;
            }
            return widths;
        }

        private void pairs(Row row, int first, List<Pair> pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                number(row, first + 2 * i, pairs.get(i).count());
                text(row, first + 2 * i + 1, String.join(", ", pairs.get(i).numbers()), text);
            }
        }

        private Sheet sheet(String name, int frozenColumns, int frozenRows, List<String> head, int... widths) {
            Sheet sheet = workbook.createSheet(name);
            headerRow(sheet, 0, head);
            widths(sheet, widths);
            sheet.createFreezePane(frozenColumns, frozenRows);
            return sheet;
        }

        private void headerRow(Sheet sheet, int index, List<String> head) {
            Row row = sheet.createRow(index);
            for (int c = 0; c < head.size(); c++) {
                text(row, c, head.get(c), header);
            }
        }

        private static void widths(Sheet sheet, int... widths) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
        }

        private static void text(Row row, int column, String value, CellStyle style) {
            Cell cell = row.createCell(column);
            if (value != null) {
                cell.setCellValue(value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) + "…" : value);
            }
            cell.setCellStyle(style);
        }

        private void number(Row row, int column, Integer value) {
            Cell cell = row.createCell(column);
            if (value != null) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(number);
        }

        private void date(Row row, int column, LocalDate value) {
            Cell cell = row.createCell(column);
            if (value != null) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(date);
        }

        private CellStyle fill(IndexedColors color) {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(bold);
            style.setFillForegroundColor(color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        private static String month(YearMonth month) {
            return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, RUSSIAN) + " " + month.getYear();
        }

        /** "Иркутская область, 2021"; roadmaps that would share a label get their title or position added. */
        private static Map<String, String> labels(List<ComparedRoadmap> roadmaps) {
            Map<String, String> plain = new LinkedHashMap<>();
            Map<String, Integer> uses = new HashMap<>();
            for (ComparedRoadmap roadmap : roadmaps) {
                String region = roadmap.regionName() != null ? roadmap.regionName()
                        : roadmap.region() != null ? roadmap.region() : roadmap.title();
                String label = (region == null ? "Дорожная карта" : region)
                        + (roadmap.year() == null ? "" : ", " + roadmap.year());
                plain.put(roadmap.id(), label);
                uses.merge(label, 1, Integer::sum);
            }
            Map<String, String> labels = new HashMap<>();
            Set<String> taken = new HashSet<>();
            int position = 0;
            for (ComparedRoadmap roadmap : roadmaps) {
                position++;
                String label = plain.get(roadmap.id());
                String titled = label + " — " + roadmap.title();
                if (uses.get(label) > 1 && roadmap.title() != null && !taken.contains(titled)) {
                    label = titled;
                }
                if (!taken.add(label)) {
                    label = label + " (" + position + ")";
                    taken.add(label);
                }
                labels.put(roadmap.id(), label);
            }
            return labels;
        }
    }
}
