package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ColumnRole;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Executor;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Item;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Section;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument;
import ru.school500.roadmapservice.roadmap.importer.reading.AnnexReader.Annex;
import ru.school500.roadmapservice.roadmap.importer.reading.AnnexReader.Column;
import ru.school500.roadmapservice.roadmap.importer.reading.AnnexReader.RawItem;
import ru.school500.roadmapservice.roadmap.importer.reading.AnnexReader.RawSection;

/**
 * Turns a {@link SourceDocument} into a {@link RoadmapPreview}: the order header from the paragraphs before
 * the annex, the annex's sections and items with parsed deadlines and resolved executors, and the warnings
 * of every step in document order. Pure: no I/O, no Spring.
 */
public class RoadmapReader {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>«»\"]+");
    private final DeadlineParser deadlines = new DeadlineParser();

    public RoadmapPreview read(SourceDocument document) {
        List<String> texts = new ArrayList<>();
        for (Block block : document.blocks()) {
            if (block instanceof Text text) {
                texts.add(text.text());
            } else if (block instanceof Row row) {
                row.cells().forEach(cell -> texts.add(cell.text()));
            }
        }
        Warnings warnings = new Warnings();
        Annex annex = new AnnexReader(new CellJoiner(texts), warnings).read(document.blocks());
        if (annex == null) {
            throw new ImportRejectedException(Reason.NO_ROADMAP_TABLE, "В документе нет таблицы дорожной карты: "
                    + "не найдена строка заголовков с наименованием мероприятия, сроком и исполнителями.");
        }
        int itemCount = annex.sections().stream().mapToInt(section -> section.items.size()).sum();
        if (itemCount == 0) {
            throw new ImportRejectedException(Reason.NO_ROADMAP_TABLE,
                    "Таблица дорожной карты найдена, но в ней нет ни одного пронумерованного мероприятия.");
        }

        List<Text> headerLines = new ArrayList<>();
        for (int i = 0; i < annex.headingBlock(); i++) {
            Block block = document.blocks().get(i);
            if (block instanceof Text text) {
                headerLines.add(text);
            } else if (block instanceof Row row) {
                for (Cell cell : row.cells()) {
                    if (!cell.text().isEmpty()) {
                        headerLines.add(new Text(cell.text(), row.line()));
                    }
                }
            }
        }
        OrderHeaderReader.Result header = new OrderHeaderReader(warnings).read(headerLines, texts);
        LevelReader.Result level = LevelReader.read(header.header().authority(), header.header().title(),
                header.annexTitle(), warnings);

        OrganisationResolver organisations = new OrganisationResolver(header.header().authority(), warnings);
        headerLines.forEach(line -> organisations.learn(line.text()));
        for (RawSection section : annex.sections()) {
            for (RawItem item : section.items) {
                for (String cell : item.cells) {
                    if (cell != null) {
                        organisations.learn(cell, item.number, item.line);
                    }
                }
            }
        }

        int executorColumn = annex.columns().stream().filter(c -> c.role() == ColumnRole.EXECUTOR)
                .mapToInt(Column::index).findFirst().orElse(-1);
        for (RawSection section : annex.sections()) {
            for (RawItem item : section.items) {
                if (executorColumn >= 0 && item.cells[executorColumn] != null) {
                    organisations.learnExecutors(item.cells[executorColumn], item.number, item.line);
                }
            }
        }

        List<Section> sections = new ArrayList<>();
        for (RawSection raw : annex.sections()) {
            List<Item> items = new ArrayList<>();
            for (RawItem item : raw.items) {
                items.add(item(item, annex.columns(), header, organisations, warnings));
            }
            sections.add(new Section(raw.number, raw.title, List.copyOf(raw.subtitles), items));
        }
        warnRepeatedItems(annex, sections, warnings);
        List<ImportWarning> sorted = new ArrayList<>(warnings.list());
        sorted.sort(Comparator.comparing((ImportWarning w) -> w.location().line(),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        List<RoadmapPreview.Column> columns = annex.columns().stream()
                .map(column -> new RoadmapPreview.Column(column.heading(), column.role())).toList();
        return new RoadmapPreview(document.format(), header.header(), header.annexTitle(), header.year(),
                level.level(), level.municipality(), columns,
                sections, organisations.organisations(), sorted, itemCount);
    }

    private Item item(RawItem item, List<Column> columns, OrderHeaderReader.Result header,
            OrganisationResolver organisations, Warnings warnings) {
        String text = field(item, columns, ColumnRole.TASK, " ");
        String deadlineText = field(item, columns, ColumnRole.DEADLINE, " – ");
        String executorsText = field(item, columns, ColumnRole.EXECUTOR, ", ");
        String indicator = field(item, columns, ColumnRole.INDICATOR, " ");
        String information = field(item, columns, ColumnRole.INFORMATION, " ");
        String note = field(item, columns, ColumnRole.NOTE, " ");
        Map<String, String> other = new LinkedHashMap<>();
        Set<String> links = new LinkedHashSet<>();
        for (Column column : columns) {
            String cell = cell(item, column);
            if (column.role() == null && !cell.isEmpty()) {
                other.put(column.heading(), cell);
            }
            Matcher url = URL.matcher(cell);
            while (url.find()) {
                links.add(url.group().replaceAll("[.,;:)]+$", ""));
            }
        }
        String deadlineHeading = heading(columns, ColumnRole.DEADLINE);
        String executorHeading = heading(columns, ColumnRole.EXECUTOR);
        ParsedDeadline deadline = deadlines.parse(deadlineText, header.year());
        if (deadline.kind() == ParsedDeadline.Kind.UNPARSED) {
            warnings.add(Code.UNPARSED_DEADLINE, "Срок «" + deadlineText + "» не разобран; сохранён как текст.",
                    new Location(item.number, item.line, deadlineHeading));
        }
        if (deadline.kind() == ParsedDeadline.Kind.EMPTY && deadlineHeading != null) {
            warnings.add(Code.EMPTY_FIELD, "У пункта " + item.number + " не указан срок.",
                    new Location(item.number, item.line, deadlineHeading));
        }
        if (header.header().date() != null && !deadline.periods().isEmpty()
                && deadline.periods().getLast().end().isBefore(header.header().date())) {
            warnings.add(Code.DEADLINE_BEFORE_ORDER, "Срок «" + deadlineText + "» истёк до даты распоряжения ("
                    + header.header().date() + ").", new Location(item.number, item.line, deadlineHeading));
        }
        if (text.isEmpty()) {
            warnings.add(Code.EMPTY_FIELD, "У пункта " + item.number + " нет наименования мероприятия.",
                    new Location(item.number, item.line, heading(columns, ColumnRole.TASK)));
        }
        if (executorsText.isEmpty() && executorHeading != null) {
            warnings.add(Code.EMPTY_FIELD, "У пункта " + item.number + " не указаны исполнители.",
                    new Location(item.number, item.line, executorHeading));
        }
        List<Executor> executors = organisations.resolve(executorsText, item.number, item.line, executorHeading);
        return new Item(item.number, text, deadline, executorsText, executors, blankToNull(indicator),
                blankToNull(information), List.copyOf(links), blankToNull(note), other);
    }

    /** An item whose task, deadline and executors repeat an earlier one word for word is most likely a slip. */
    private static void warnRepeatedItems(Annex annex, List<Section> sections, Warnings warnings) {
        Map<String, String> seen = new HashMap<>();
        for (int s = 0; s < sections.size(); s++) {
            for (int i = 0; i < sections.get(s).items().size(); i++) {
                Item item = sections.get(s).items().get(i);
                if (item.text().isBlank()) {
                    continue;
                }
                String key = Texts.fold(item.text()) + "|" + Texts.fold(item.deadline().raw()) + "|"
                        + Texts.fold(item.executorsText());
                String earlier = seen.putIfAbsent(key, item.number());
                if (earlier != null) {
                    warnings.add(Code.DUPLICATE_ITEM, "Пункт " + item.number() + " дословно повторяет пункт " + earlier
                            + " (мероприятие, срок и исполнители).", new Location(item.number(),
                            annex.sections().get(s).items.get(i).line, null));
                }
            }
        }
    }

    private static String field(RawItem item, List<Column> columns, ColumnRole role, String separator) {
        List<String> parts = new ArrayList<>();
        for (Column column : columns) {
            String cell = cell(item, column);
            if (column.role() == role && !cell.isEmpty()) {
                parts.add(cell);
            }
        }
        return String.join(separator, parts);
    }

    private static String cell(RawItem item, Column column) {
        String cell = column.index() < item.cells.length ? item.cells[column.index()] : null;
        return cell == null ? "" : cell;
    }

    private static String heading(List<Column> columns, ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).map(Column::heading).findFirst().orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
