package ru.school500.searchservice.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ru.school500.searchservice.comparison.ComparisonProperties.Criterion;
import ru.school500.searchservice.comparison.ComparisonProperties.Match;
import ru.school500.searchservice.comparison.ComparisonProperties.Parameters;
import ru.school500.searchservice.comparison.ComparisonProperties.Rubric;
import ru.school500.searchservice.comparison.ComparisonProperties.Zones;
import ru.school500.searchservice.comparison.CoverageScore.Reason;
import ru.school500.searchservice.comparison.CoverageScore.Zone;

/**
 * Scores each roadmap on the configured rubric ({@link ComparisonProperties}): a criterion earns its points when met,
 * the sum picks the zone. Category criteria read the categories already on the items.
 */
public final class CoverageRubric {

    private static final int LISTED_NUMBERS = 10;

    private final Rubric rubric;

    public CoverageRubric(ComparisonProperties properties) {
        this.rubric = properties.rubric();
    }

    public static CoverageRubric defaults() {
        return new CoverageRubric(new ComparisonProperties(null));
    }

    public List<Criterion> criteria() {
        return rubric.criteria();
    }

    public Zones zones() {
        return rubric.zones();
    }

    public int maxPoints() {
        return rubric.maxPoints();
    }

    /** One score per roadmap, in roadmap order; {@code categories} give the titles in the reasons. */
    public List<CoverageScore> score(List<Taxonomy.Category> categories, List<ComparedRoadmap> roadmaps,
            List<ComparedItem> items) {
        Map<String, String> titles = categories.stream()
                .collect(Collectors.toMap(Taxonomy.Category::code, Taxonomy.Category::title));
        List<CoverageScore> scores = new ArrayList<>();
        RoadmapItems.byRoadmap(roadmaps, items).forEach((roadmapId, list) -> {
            List<Reason> reasons = criteria().stream().map(criterion -> reason(criterion, list, titles)).toList();
            int points = reasons.stream().mapToInt(Reason::points).sum();
            scores.add(new CoverageScore(roadmapId, points, maxPoints(), zone(points), reasons));
        });
        return List.copyOf(scores);
    }

    Zone zone(int points) {
        if (points >= zones().green()) {
            return Zone.GREEN;
        }
        return points >= zones().yellow() ? Zone.YELLOW : Zone.RED;
    }

    private static Reason reason(Criterion criterion, List<ComparedItem> items, Map<String, String> titles) {
        Parameters parameters = criterion.parameters();
        Verdict verdict = switch (criterion.kind()) {
            case CATEGORIES_COVERED -> categories(parameters, items, titles);
            case SHARE_WITH_PERIODS -> buckets(parameters, items, item -> DatedDeadline.of(item, parameters),
                    "срок задан периодом короче года", "Не засчитаны");
            case SHARE_WITH_INDICATOR -> buckets(parameters, items, MeasurableBucket::of,
                    "показатель реализации измерим", "Не засчитаны");
            case SHARE_WITH_EXECUTORS -> share(parameters, items, item -> !item.executors().isEmpty(),
                    "указан исполнитель", "Без исполнителя");
            case EXECUTOR_TYPES -> executorTypes(parameters, items);
        };
        return new Reason(criterion.code(), criterion.title(), verdict.met(), verdict.met() ? criterion.points() : 0,
                criterion.points(), (verdict.met() ? "Выполнено: " : "Не выполнено: ") + verdict.text(),
                verdict.counts());
    }

    private record Verdict(boolean met, String text, List<CoverageScore.Count> counts) {

        Verdict(boolean met, String text) {
            this(met, text, List.of());
        }
    }

    /** What a share criterion sorted an item into: counted toward the share or not, and a Russian title. */
    interface Bucket {
        String code();

        String title();

        boolean counted();

        /** Position in explanations: the declaration order of the kinds. */
        int order();
    }

    /** Why an item's deadline is, or is not, a dated one. */
    enum DatedDeadline implements Bucket {
        DATED("период короче года", true),
        THROUGHOUT_YEAR("«в течение года», «по плану» или не разобран", false),
        WHOLE_YEAR("период в целый год или длиннее", false),
        NO_PERIOD("срок без дат", false);

        private final String title;
        private final boolean counted;

        DatedDeadline(String title, boolean counted) {
            this.title = title;
            this.counted = counted;
        }

        static DatedDeadline of(ComparedItem item, Parameters parameters) {
            if (item.deadlineKind() != null && parameters.undatedKinds().contains(item.deadlineKind())) {
                return THROUGHOUT_YEAR;
            }
            if (!RoadmapItems.dated(item)) {
                return NO_PERIOD;
            }
            boolean narrow = item.periods().stream().anyMatch(period -> {
                java.time.LocalDate first = RoadmapItems.firstDay(period).orElseThrow();
                java.time.LocalDate last = RoadmapItems.lastDay(period).orElseThrow();
                return java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1 <= parameters.maxPeriodDays();
            });
            return narrow ? DATED : WHOLE_YEAR;
        }

        @Override
        public String code() {
            return name();
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public boolean counted() {
            return counted;
        }

        @Override
        public int order() {
            return ordinal();
        }
    }

    private record MeasurableBucket(MeasurableIndicator.Verdict verdict) implements Bucket {

        static Bucket of(ComparedItem item) {
            return new MeasurableBucket(MeasurableIndicator.of(item.indicatorText()));
        }

        @Override
        public String code() {
            return verdict.name();
        }

        @Override
        public String title() {
            return verdict.title();
        }

        @Override
        public boolean counted() {
            return verdict.measurable();
        }

        @Override
        public int order() {
            return verdict.ordinal();
        }
    }

    /**
     * A share criterion that explains itself: how many items fell in each bucket (counted ones first, in the order
     * the buckets are declared), the numbers of those not counted.
     */
    private static Verdict buckets(Parameters parameters, List<ComparedItem> items,
            Function<ComparedItem, Bucket> bucketOf, String what, String lacking) {
        int total = items.size();
        String threshold = "порог " + percent(parameters.threshold()) + " %";
        if (total == 0) {
            return new Verdict(false, "в дорожной карте нет мероприятий; " + threshold + ".");
        }
        Map<Bucket, List<ComparedItem>> sorted = new java.util.LinkedHashMap<>();
        items.forEach(item -> sorted.computeIfAbsent(bucketOf.apply(item), b -> new ArrayList<>()).add(item));
        List<Map.Entry<Bucket, List<ComparedItem>>> entries = new ArrayList<>(sorted.entrySet());
        entries.sort(java.util.Comparator.comparing((Map.Entry<Bucket, List<ComparedItem>> e) -> !e.getKey().counted())
                .thenComparingInt(e -> e.getKey().order()));
        int with = entries.stream().filter(e -> e.getKey().counted()).mapToInt(e -> e.getValue().size()).sum();
        boolean met = with >= parameters.threshold() * total - 1e-9;
        List<CoverageScore.Count> counts = entries.stream().map(e -> new CoverageScore.Count(e.getKey().code(),
                e.getKey().title(), e.getKey().counted(), e.getValue().size(), RoadmapItems.numbers(e.getValue())))
                .toList();
        String countedParts = entries.stream().filter(e -> e.getKey().counted())
                .map(e -> e.getKey().title() + " — " + e.getValue().size()).collect(Collectors.joining(", "));
        String missingParts = entries.stream().filter(e -> !e.getKey().counted())
                .map(e -> e.getKey().title() + " — " + e.getValue().size() + " (" + listed(e.getValue()) + ")")
                .collect(Collectors.joining("; "));
        String text = "у " + with + " из " + genitive(total) + " (" + (with * 100 / total) + " %) " + what
                + (countedParts.isEmpty() ? "" : " (" + countedParts + ")") + "; " + threshold + "."
                + (missingParts.isEmpty() ? "" : " " + lacking + ": " + missingParts + ".");
        return new Verdict(met, text, counts);
    }

    private static Verdict categories(Parameters parameters, List<ComparedItem> items, Map<String, String> titles) {
        List<String> parts = new ArrayList<>();
        int covered = 0;
        for (String code : parameters.categories()) {
            List<ComparedItem> in = items.stream().filter(item -> item.categories().contains(code)).toList();
            if (in.size() >= parameters.minItems()) {
                covered++;
            }
            String title = titles.getOrDefault(code, code);
            parts.add("«" + title + "» — " + count(in.size()) + (in.isEmpty() ? "" : " (" + listed(in) + ")"));
        }
        boolean met = parameters.match() == Match.ANY ? covered > 0 : covered == parameters.categories().size();
        String need = parameters.categories().size() == 1 ? ""
                : parameters.match() == Match.ANY ? " в одной из категорий" : " в каждой категории";
        return new Verdict(met, String.join("; ", parts) + "; нужно не менее " + genitive(parameters.minItems()) + need
                + ".");
    }

    private static Verdict share(Parameters parameters, List<ComparedItem> items, Predicate<ComparedItem> test,
            String what, String lacking) {
        int total = items.size();
        List<ComparedItem> missing = items.stream().filter(test.negate()).toList();
        int with = total - missing.size();
        String threshold = "порог " + percent(parameters.threshold()) + " %";
        if (total == 0) {
            return new Verdict(false, "в дорожной карте нет мероприятий; " + threshold + ".");
        }
        boolean met = with >= parameters.threshold() * total - 1e-9;
        String text = "у " + with + " из " + genitive(total) + " (" + (with * 100 / total) + " %) " + what + "; "
                + threshold + "." + (missing.isEmpty() ? "" : " " + lacking + ": " + listed(missing) + ".");
        return new Verdict(met, text);
    }

    private static Verdict executorTypes(Parameters parameters, List<ComparedItem> items) {
        Set<String> seen = new TreeSet<>();
        items.forEach(item -> seen.addAll(ExecutorTypes.typesOf(item)));
        List<String> absent = parameters.types().stream().filter(type -> !seen.contains(type)).toList();
        boolean enough = parameters.minTypes() == null || seen.size() >= parameters.minTypes();
        String found = seen.isEmpty() ? "исполнители не указаны"
                : "типы исполнителей: " + seen.size() + " ("
                        + seen.stream().map(ExecutorTypes::title).collect(Collectors.joining(", ")) + ")";
        String need = parameters.minTypes() == null ? "" : "; нужно не менее " + parameters.minTypes();
        String lacking = absent.isEmpty() ? ""
                : "; нет исполнителей типа " + absent.stream().map(type -> "«" + ExecutorTypes.title(type) + "»")
                        .collect(Collectors.joining(", "));
        return new Verdict(enough && absent.isEmpty(), found + need + lacking + ".");
    }

    private static String listed(List<ComparedItem> items) {
        Function<ComparedItem, String> number = item -> item.number() == null ? "без номера" : item.number();
        String shown = items.stream().limit(LISTED_NUMBERS).map(number).collect(Collectors.joining(", "));
        return items.size() > LISTED_NUMBERS ? shown + " и ещё " + (items.size() - LISTED_NUMBERS) : shown;
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** "1 мероприятие", "3 мероприятия", "11 мероприятий". */
    static String count(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        String word = lastTwo >= 11 && lastTwo <= 14 ? "мероприятий"
                : last == 1 ? "мероприятие" : last >= 2 && last <= 4 ? "мероприятия" : "мероприятий";
        return n + " " + word;
    }

    /** After "из" and "не менее": "1 мероприятия", "21 мероприятия", "5 мероприятий". */
    static String genitive(int n) {
        return n + (n % 10 == 1 && n % 100 != 11 ? " мероприятия" : " мероприятий");
    }
}
