package ru.school500.searchservice.comparison;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-region comparison settings: the coverage rubric a roadmap is scored on. Without any
 * {@code platform.comparison.rubric.criteria} the {@link Rubric#DEFAULT_CRITERIA default rubric} applies
 * (6 points, documented in {@code comparison/README.md} next to the taxonomy); without zones the
 * {@link Rubric#DEFAULT_ZONES default zones}.
 */
@Validated
@ConfigurationProperties("platform.comparison")
public record ComparisonProperties(@Valid Rubric rubric, @Valid Classifier classifier, @Valid Similarity similarity) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public ComparisonProperties {
        rubric = rubric == null ? new Rubric(null, null) : rubric;
        classifier = classifier == null ? Classifier.DEFAULT : classifier;
        similarity = similarity == null ? Similarity.DEFAULT : similarity;
    }

    public ComparisonProperties(Rubric rubric) {
        this(rubric, null, null);
    }

    /**
     * How the category model's probabilities add to the taxonomy's rules ({@code comparison/README.md}).
     *
     * @param threshold         a category the model gives at least this probability is added to the rules' ones
     * @param fallbackThreshold an item neither the rules nor {@code threshold} classify gets the model's most
     *                          probable category when its probability is at least this
     */
    public record Classifier(@DecimalMin("0.0") @DecimalMax("1.0") Double threshold,
            @DecimalMin("0.0") @DecimalMax("1.0") Double fallbackThreshold) {

        public static final Classifier DEFAULT = new Classifier(0.75, 0.15);

        public Classifier {
            threshold = threshold == null ? 0.75 : threshold;
            fallbackThreshold = fallbackThreshold == null ? 0.15 : fallbackThreshold;
            if (fallbackThreshold > threshold) {
                throw new IllegalArgumentException("classifier fallback-threshold must not exceed threshold");
            }
        }
    }

    /**
     * Similar items of different regions ({@link SimilarItems}).
     *
     * @param threshold        least cosine (0–1) of two items' weighted lemmas for a pair
     * @param maxDocumentShare a lemma in more than this share of the compared items is boilerplate and ignored
     * @param minSharedTerms   a pair shares at least this many lemmas
     * @param maxPairs         pairs in the answer, best first
     */
    public record Similarity(@DecimalMin("0.0") @DecimalMax("1.0") Double threshold,
            @DecimalMin("0.0") @DecimalMax("1.0") Double maxDocumentShare, @Min(1) Integer minSharedTerms,
            @Min(1) Integer maxPairs) {

        public static final Similarity DEFAULT = new Similarity(null, null, null, null);

        public Similarity {
            threshold = threshold == null ? 0.2 : threshold;
            maxDocumentShare = maxDocumentShare == null ? 0.2 : maxDocumentShare;
            minSharedTerms = minSharedTerms == null ? 2 : minSharedTerms;
            maxPairs = maxPairs == null ? 500 : maxPairs;
        }
    }

    /**
     * @param criteria scored in this order; points add up to the maximum
     * @param zones    points needed for the green and yellow zones; fewer is red
     */
    public record Rubric(List<@Valid Criterion> criteria, @Valid Zones zones) {

        /**
         * Six points, one each: monitoring and diagnostics; professional development or mentoring; curatorship and
         * methodological support; parents and local community; at least 80 % of items with a deadline narrower than
         * the whole year; at least 80 % of items with a measurable completion indicator.
         */
        public static final List<Criterion> DEFAULT_CRITERIA = List.of(
                Criterion.categories("MONITORING", "Мониторинг и диагностика", Match.ALL, "MONITORING"),
                Criterion.categories("PROFESSIONAL_GROWTH", "Профессиональное развитие педагогов или наставничество",
                        Match.ANY, "PROFESSIONAL_DEVELOPMENT", "MENTORING"),
                Criterion.categories("METHODICAL_SUPPORT", "Кураторство и методическое сопровождение школ", Match.ALL,
                        "CURATORSHIP"),
                Criterion.categories("PARENTS_COMMUNITY", "Работа с родителями и местным сообществом", Match.ALL,
                        "PARENTS_COMMUNITY"),
                new Criterion("DATED_DEADLINES", "Сроки мероприятий заданы датами точнее, чем «в течение года»", 1, Kind.SHARE_WITH_PERIODS,
                        new Parameters(null, null, null, 0.8, null, null)),
                new Criterion("INDICATORS", "Показатели реализации измеримы", 1, Kind.SHARE_WITH_INDICATOR,
                        new Parameters(null, null, null, 0.8, null, null)));

        /** 5–6 points green, 3–4 yellow, 0–2 red. */
        public static final Zones DEFAULT_ZONES = new Zones(5, 3);

        public Rubric {
            criteria = criteria == null || criteria.isEmpty() ? DEFAULT_CRITERIA : List.copyOf(criteria);
            zones = zones == null ? DEFAULT_ZONES : zones;
            Set<String> codes = new HashSet<>();
            for (Criterion criterion : criteria) {
                if (!codes.add(criterion.code())) {
                    throw new IllegalArgumentException("duplicate rubric criterion " + criterion.code());
                }
            }
            int max = criteria.stream().mapToInt(Criterion::points).sum();
            if (zones.green() > max || zones.yellow() > zones.green()) {
                throw new IllegalArgumentException("rubric zones need yellow ≤ green ≤ " + max + " (the maximum), were "
                        + "green " + zones.green() + ", yellow " + zones.yellow());
            }
        }

        public int maxPoints() {
            return criteria.stream().mapToInt(Criterion::points).sum();
        }
    }

    /**
     * @param code       stable identifier, also in exports
     * @param title      Russian, shown to analysts
     * @param points     awarded when met (1 when absent)
     * @param kind       what is checked
     * @param parameters what the kind needs (see {@link Kind})
     */
    public record Criterion(@NotBlank String code, @NotBlank String title, @Min(0) Integer points,
            @NotNull Kind kind, @Valid Parameters parameters) {

        public Criterion {
            points = points == null ? 1 : points;
            parameters = parameters == null ? new Parameters(null, null, null, null, null, null) : parameters;
            if (kind != null) {
                parameters.check(code, kind);
            }
        }

        static Criterion categories(String code, String title, Match match, String... categories) {
            return new Criterion(code, title, 1, Kind.CATEGORIES_COVERED,
                    new Parameters(List.of(categories), match, 1, null, null, null));
        }
    }

    /** What a criterion checks on one roadmap. */
    public enum Kind {
        /** {@code categories} all ({@code match: ALL}) or any ({@code ANY}) have {@code minItems} items or more */
        CATEGORIES_COVERED,
        /**
         * the share of items with a period shorter than {@code maxPeriodDays} (not «в течение года», not «по плану»,
         * not a whole year) is at least {@code threshold}
         */
        SHARE_WITH_PERIODS,
        /**
         * the share of items with a measurable completion indicator (a number or share, a product, a completed
         * result: {@link MeasurableIndicator}) is at least {@code threshold}
         */
        SHARE_WITH_INDICATOR,
        /** the share of items with at least one executor is at least {@code threshold} */
        SHARE_WITH_EXECUTORS,
        /** items name executors of at least {@code minTypes} distinct types and of every type in {@code types} */
        EXECUTOR_TYPES
    }

    public enum Match {
        ALL, ANY
    }

    /**
     * Criterion parameters; each kind reads its own and ignores the rest.
     *
     * @param categories category codes (CATEGORIES_COVERED)
     * @param match      ALL (default) or ANY of the categories (CATEGORIES_COVERED)
     * @param minItems   items a category needs, 1 when absent (CATEGORIES_COVERED)
     * @param threshold  share from 0 to 1 (SHARE_WITH_*)
     * @param minTypes   distinct executor types needed (EXECUTOR_TYPES)
     * @param types      executor types that must all appear (EXECUTOR_TYPES)
     * @param maxPeriodDays the longest period that still counts as a dated deadline, {@value #WHOLE_YEAR_DAYS} − 1
     *                      days when absent: a period of a whole year says no more than «в течение года»
     *                      (SHARE_WITH_PERIODS)
     * @param undatedKinds  deadline kinds never counted as dated whatever their periods, by default
     *                      {@link #DEFAULT_UNDATED_KINDS} (SHARE_WITH_PERIODS)
     */
    public record Parameters(List<String> categories, Match match, @Min(1) Integer minItems, Double threshold,
            @Min(1) Integer minTypes, List<String> types, @Min(1) Integer maxPeriodDays, List<String> undatedKinds) {

        public static final int WHOLE_YEAR_DAYS = 365;
        public static final List<String> DEFAULT_UNDATED_KINDS = List.of("THROUGHOUT_YEAR", "BY_PLAN", "UNPARSED");

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Parameters {
            categories = categories == null ? List.of() : List.copyOf(categories);
            types = types == null ? List.of() : List.copyOf(types);
            match = match == null ? Match.ALL : match;
            minItems = minItems == null ? 1 : minItems;
            maxPeriodDays = maxPeriodDays == null ? WHOLE_YEAR_DAYS - 1 : maxPeriodDays;
            undatedKinds = undatedKinds == null ? DEFAULT_UNDATED_KINDS : List.copyOf(undatedKinds);
        }

        public Parameters(List<String> categories, Match match, Integer minItems, Double threshold, Integer minTypes,
                List<String> types) {
            this(categories, match, minItems, threshold, minTypes, types, null, null);
        }

        private void check(String code, Kind kind) {
            switch (kind) {
                case CATEGORIES_COVERED -> require(!categories.isEmpty(), code + ": list the categories to cover");
                case SHARE_WITH_PERIODS, SHARE_WITH_INDICATOR, SHARE_WITH_EXECUTORS -> require(
                        threshold != null && threshold > 0 && threshold <= 1,
                        code + ": threshold must be a share above 0 and at most 1");
                case EXECUTOR_TYPES -> require(minTypes != null || !types.isEmpty(),
                        code + ": give minTypes or types");
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException("rubric criterion " + message);
            }
        }
    }

    /**
     * @param green  least points for the green zone
     * @param yellow least points for the yellow zone; below it the zone is red
     */
    public record Zones(@Min(0) int green, @Min(0) int yellow) {
    }
}
