package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.List;

/**
 * One roadmap item as the comparison sees it, with the categories it was put in and why.
 *
 * @param deadlineKind ONCE, SEVERAL, DEADLINE, RECURRING, THROUGHOUT_YEAR, BY_PLAN, UNPARSED…; the views read
 *                     only {@code periods}, so an unknown kind needs no handling
 * @param progress     monitoring reports, oldest stage first
 * @param categories   category codes (rules and overrides together); empty when unclassified
 */
public record ComparedItem(String id, String roadmapId, String region, String number, String sectionTitle, String task,
        String deadlineText, String deadlineKind, List<Period> periods, List<Executor> executors, String indicatorText,
        List<Progress> progress, List<String> categories, List<Evidence> evidence) {

    public ComparedItem {
        periods = periods == null ? List.of() : List.copyOf(periods);
        executors = executors == null ? List.of() : List.copyOf(executors);
        progress = progress == null ? List.of() : List.copyOf(progress);
        categories = categories == null ? List.of() : List.copyOf(categories);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A dated window; either end may be {@code null} ("до 23.12.2021" has no start). */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** @param type MINISTRY, REGIONAL_INSTITUTE, MUNICIPAL_BODY, SCHOOL or OTHER */
    public record Executor(String fullName, String shortName, String type) {
    }

    /** @param status NOT_STARTED, IN_PROGRESS, DONE, OVERDUE or CANCELLED */
    public record Progress(LocalDate stage, String status) {
    }

    /**
     * @param rule        the taxonomy rule's id ("rule"), who set it ("override") or {@code model} ("model")
     * @param source      "rule", "override" or "model" (the category model, {@link CategoryModel})
     * @param terms       the item's lemmas that weighed most for the category (model only)
     * @param probability the model's probability for the category (model only)
     */
    public record Evidence(String category, String rule, String source, List<String> terms, Double probability) {

        public Evidence {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }

        public Evidence(String category, String rule, String source) {
            this(category, rule, source, List.of(), null);
        }
    }
}
