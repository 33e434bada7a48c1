package ru.school500.roadmapservice.roadmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roadmap of the Kirov order № 324 of 16.03.2022 ({@code fixtures/kirov-2022-order-324.txt}, a copy of
 * {@code ../shared/fixtures/roadmaps}): 5 sections, 31 items, 6 columns including links. The annex table is
 * read straight from the fixture text (rows continued after a page break are joined, hyphenation undone); the
 * order header, organisations and deadline periods are written out here. This is test data, not the importer.
 */
public final class KirovRoadmapMother {

    public static final String REGION = "43";

    public static final String MINISTRY = "Министерство образования Кировской области";
    public static final String IRO = "Кировское областное государственное образовательное автономное учреждение "
            + "дополнительного профессионального образования «Институт развития образования Кировской области»";
    public static final String COKO = "Кировское областное государственное автономное учреждение «Центр оценки "
            + "качества образования»";
    public static final String CNPPM = "центр непрерывного повышения педагогического мастерства КОГОАУ ДПО «Институт "
            + "развития образования Кировской области»";
    public static final String OMSU = "органы местного самоуправления, осуществляющие управление в сфере образования";
    public static final String METHOD_SERVICES = "окружные и муниципальные методические службы";
    public static final String PARTICIPANTS = "участники проекта 500+";
    public static final String RESOURCE_CENTRES = "профильные ресурсные центры";

    public static final List<OrganisationDraft> ORGANISATIONS = List.of(
            new OrganisationDraft(MINISTRY, "министерство образования", List.of(), OrganisationType.MINISTRY),
            new OrganisationDraft(IRO, "КОГОАУ ДПО ИРО", List.of(
                    "КОГОАУ ДПО «Институт развития образования Кировской области»",
                    "Кировское областное государственное образовательное автономное учреждение «Институт развития "
                            + "образования Кировской области»"),
                    OrganisationType.REGIONAL_INSTITUTE),
            new OrganisationDraft(COKO, "КОГАУ «Центр оценки качества образования»",
                    List.of("КОГОАУ «Центр оценки качества образования»"), OrganisationType.OTHER),
            new OrganisationDraft(CNPPM, "ЦНППМ", List.of(), OrganisationType.REGIONAL_INSTITUTE),
            new OrganisationDraft(OMSU, "ОМСУ", List.of(), OrganisationType.MUNICIPAL_BODY),
            new OrganisationDraft(METHOD_SERVICES, null, List.of(), OrganisationType.MUNICIPAL_BODY),
            new OrganisationDraft(PARTICIPANTS, null, List.of(), OrganisationType.SCHOOL),
            new OrganisationDraft(RESOURCE_CENTRES, null, List.of(), OrganisationType.OTHER));

    public static final OrderReference ORDER = new OrderReference(null, "РАСПОРЯЖЕНИЕ", "324",
            LocalDate.of(2022, 3, 16), MINISTRY, "г. Киров",
            "Об утверждении дорожной карты по реализации проекта адресной методической помощи общеобразовательным "
                    + "организациям 500+ в Кировской области в 2022 году",
            "О.Н. Рысева", "Министр образования Кировской области", "от 16 МАР 2022 № 324");

    public static final List<OrderReference> REPEALED = List.of(
            repealed("384", LocalDate.of(2021, 3, 24), "Об утверждении дорожной карты по реализации проекта адресной "
                    + "методической помощи общеобразовательным организациям 500+ в Кировской области"),
            repealed("620", LocalDate.of(2021, 5, 7), "О внесении изменения в распоряжение министерства образования "
                    + "Кировской области от 24.03.2021 № 384"),
            repealed("1234", LocalDate.of(2021, 9, 20), "О внесении изменения в распоряжение министерства образования "
                    + "Кировской области от 24.03.2021 № 384"));

    public static final String TITLE = "ДОРОЖНАЯ КАРТА по реализации проекта адресной методической помощи "
            + "общеобразовательным организациям «500+» в Кировской области в 2022 году";

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SECTION = Pattern.compile("^(\\d+\\.)\\s+(.+)$");
    private static final Pattern ITEM_NUMBER = Pattern.compile("^\\d+\\.\\d+$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("январь", 1), Map.entry("февраль", 2),
            Map.entry("март", 3), Map.entry("апрель", 4), Map.entry("май", 5), Map.entry("июнь", 6),
            Map.entry("июль", 7), Map.entry("август", 8), Map.entry("сентябрь", 9), Map.entry("октябрь", 10),
            Map.entry("ноябрь", 11), Map.entry("декабрь", 12));

    private KirovRoadmapMother() {
    }

    /** The whole Kirov roadmap as the importer would hand it over. */
    public static RoadmapDraft draft() {
        Annex annex = readAnnex();
        return new RoadmapDraft(REGION, RoadmapLevel.REGIONAL, null, TITLE, 2022, null, null, annex.headings(), ORDER,
                REPEALED, ORGANISATIONS, annex.sections());
    }

    /** The same roadmap as it reads back: executors by full name, organisations not part of the roadmap. */
    public static RoadmapDraft expectedReadBack() {
        RoadmapDraft draft = draft();
        return new RoadmapDraft(draft.region(), draft.level(), draft.municipality(), draft.title(), draft.year(),
                draft.periodStart(), draft.periodEnd(), draft.columnHeadings(), draft.approvingOrder(),
                draft.repealedOrders(), List.of(), draft.sections());
    }

    /** A view read back from the API, in the shape of a draft (for equality with {@link #expectedReadBack()}). */
    public static RoadmapDraft asDraft(RoadmapView view) {
        return new RoadmapDraft(view.region(), view.level(), view.municipality(), view.title(), view.year(),
                view.periodStart(), view.periodEnd(), view.columnHeadings(), view.approvingOrder(),
                view.repealedOrders(), List.of(), view.sections().stream()
                        .map(s -> new SectionDraft(s.number(), s.title(), s.items().stream()
                                .map(i -> new ItemDraft(i.number(), i.task(), i.deadline(), i.executorsText(),
                                        i.executors().stream().map(RoadmapView.ExecutorView::fullName).toList(),
                                        i.indicatorText(), i.indicatorQuantity(), i.indicatorUnit(),
                                        i.informationText(), i.links(), i.notes()))
                                .toList()))
                        .toList());
    }

    private record Annex(List<String> headings, List<SectionDraft> sections) {
    }

    private static Annex readAnnex() {
        List<String> lines = fixture().lines().toList();
        List<String> headings = null;
        List<String> sectionHeads = new ArrayList<>();
        List<List<String[]>> sectionRows = new ArrayList<>();
        String[] current = null;
        for (String line : lines) {
            if (line.startsWith("№ п/п")) {
                headings = headings != null ? headings : Arrays.stream(line.split("\t")).map(String::strip).toList();
                continue;
            }
            if (headings == null || line.isBlank()) {
                continue;
            }
            String[] cells = Arrays.copyOf(line.split("\t", -1), 6);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c] == null ? "" : cells[c].strip();
            }
            Matcher section = SECTION.matcher(cells[0]);
            if (ITEM_NUMBER.matcher(cells[0]).matches()) {
                current = cells;
                sectionRows.getLast().add(current);
            } else if (section.matches() && Arrays.stream(cells, 1, 6).allMatch(String::isEmpty)) {
                sectionHeads.add(cells[0]);
                sectionRows.add(new ArrayList<>());
                current = null;
            } else if (cells[0].isEmpty() && current != null) {
                for (int c = 1; c < 6; c++) {
                    current[c] = join(current[c], cells[c]);
                }
            } else {
                throw new IllegalStateException("unexpected annex line: " + line);
            }
        }
        List<SectionDraft> sections = new ArrayList<>();
        for (int s = 0; s < sectionHeads.size(); s++) {
            Matcher head = SECTION.matcher(sectionHeads.get(s));
            head.matches();
            sections.add(new SectionDraft(head.group(1), head.group(2),
                    sectionRows.get(s).stream().map(KirovRoadmapMother::item).toList()));
        }
        return new Annex(headings, sections);
    }

    private static ItemDraft item(String[] cells) {
        List<String> links = new ArrayList<>();
        Matcher url = URL.matcher(cells[5]);
        while (url.find()) {
            links.add(url.group());
        }
        return new ItemDraft(cells[0], cells[1], deadline(cells[2]), cells[3], executors(cells[3]), cells[4], null,
                null, cells[5], links, null);
    }

    /** Organisations named in an executors cell, in order of appearance; longer names win overlapping spans. */
    static List<String> executors(String text) {
        StringBuilder rest = new StringBuilder(text);
        Map<Integer, String> found = new TreeMap<>();
        record Name(String organisation, String name) {
        }
        List<Name> names = new ArrayList<>();
        for (OrganisationDraft organisation : ORGANISATIONS) {
            names.add(new Name(organisation.fullName(), organisation.fullName()));
            if (organisation.shortName() != null) {
                names.add(new Name(organisation.fullName(), organisation.shortName()));
            }
            organisation.aliases().forEach(alias -> names.add(new Name(organisation.fullName(), alias)));
        }
        names.sort(Comparator.comparingInt((Name n) -> n.name().length()).reversed());
        for (Name name : names) {
            int at;
            while ((at = rest.toString().toLowerCase().indexOf(name.name().toLowerCase())) >= 0) {
                if (!found.containsValue(name.organisation())) {
                    found.put(at, name.organisation());
                }
                rest.replace(at, at + name.name().length(), " ".repeat(name.name().length()));
            }
        }
        return List.copyOf(found.values());
    }

    /** Deadline texts of this order → kind and periods (the real parser comes with the importer). */
    static Deadline deadline(String text) {
        Matcher date = Pattern.compile("^(до )?(\\d{2})\\.(\\d{2})\\.(\\d{4})$").matcher(text);
        if (date.matches()) {
            LocalDate day = LocalDate.of(Integer.parseInt(date.group(4)), Integer.parseInt(date.group(3)),
                    Integer.parseInt(date.group(2)));
            return new Deadline(text, DeadlineKind.ONCE, List.of(new Period(date.group(1) == null ? day : null, day)));
        }
        if (text.equals("в течение года")) {
            return new Deadline(text, DeadlineKind.THROUGHOUT_YEAR,
                    List.of(new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))));
        }
        if (text.contains("план")) {
            return new Deadline(text, DeadlineKind.BY_PLAN, List.of());
        }
        Matcher across = Pattern.compile("^(\\S+) (\\d{4}) г\\. – (\\S+) (\\d{4}) г\\.$").matcher(text);
        if (across.matches()) {
            return new Deadline(text, DeadlineKind.ONCE, List.of(new Period(
                    month(across.group(1), across.group(2)).atDay(1),
                    month(across.group(3), across.group(4)).atEndOfMonth())));
        }
        Matcher range = Pattern.compile("^(\\S+) – (\\S+) (\\d{4}) г\\.$").matcher(text);
        if (range.matches()) {
            return new Deadline(text, DeadlineKind.ONCE, List.of(new Period(
                    month(range.group(1), range.group(3)).atDay(1), month(range.group(2), range.group(3)).atEndOfMonth())));
        }
        Matcher months = Pattern.compile("^([а-я, ]+) (\\d{4}) г\\.$").matcher(text);
        if (months.matches()) {
            List<Period> periods = Arrays.stream(months.group(1).split(",\\s*"))
                    .map(name -> month(name, months.group(2)))
                    .map(m -> new Period(m.atDay(1), m.atEndOfMonth())).toList();
            return new Deadline(text, periods.size() == 1 ? DeadlineKind.ONCE : DeadlineKind.RECURRING, periods);
        }
        return Deadline.unparsed(text);
    }

    private static YearMonth month(String name, String year) {
        Integer month = MONTHS.get(name.strip().toLowerCase());
        if (month == null) {
            throw new IllegalArgumentException("month " + name);
        }
        return YearMonth.of(Integer.parseInt(year), month);
    }

    private static String join(String before, String after) {
        if (after.isEmpty()) {
            return before;
        }
        if (before.isEmpty()) {
            return after;
        }
        if (before.matches("(?s).*\\p{L}-$")) {
            return before.substring(0, before.length() - 1) + after;
        }
        return before + " " + after;
    }

    private static OrderReference repealed(String number, LocalDate date, String title) {
        return new OrderReference(null, "РАСПОРЯЖЕНИЕ", number, date, MINISTRY, null, title, null, null, null);
    }

    private static String fixture() {
        try (InputStream in = KirovRoadmapMother.class.getResourceAsStream("/fixtures/kirov-2022-order-324.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
