package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small roadmaps and items for the comparison tests, shaped like the Irkutsk 2021 and Kirov 2022 seeds. */
final class ComparisonMother {

    static final ComparedRoadmap IRKUTSK = new ComparedRoadmap("rm-38", "38", "Иркутская область",
            "Дорожная карта проекта «500+» на 2021 год", 2021, "APPROVED", "REGIONAL");
    static final ComparedRoadmap KIROV = new ComparedRoadmap("rm-43", "43", "Кировская область",
            "Дорожная карта проекта 500+ на 2022 год", 2022, "APPROVED", "REGIONAL");

    private ComparisonMother() {
    }

    static List<ComparedRoadmap> roadmaps() {
        return List.of(IRKUTSK, KIROV);
    }

    static Item irkutsk(String number) {
        return new Item(IRKUTSK, number);
    }

    static Item kirov(String number) {
        return new Item(KIROV, number);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** Builds one {@link ComparedItem}; defaults: a task, no periods, executors, indicator, reports or categories. */
    static final class Item {

        private final ComparedRoadmap roadmap;
        private final String number;
        private String task;
        private String deadlineText = "";
        private String deadlineKind = "UNPARSED";
        private final List<ComparedItem.Period> periods = new ArrayList<>();
        private final List<ComparedItem.Executor> executors = new ArrayList<>();
        private String indicator;
        private final List<ComparedItem.Progress> progress = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();

        private Item(ComparedRoadmap roadmap, String number) {
            this.roadmap = roadmap;
            this.number = number;
            this.task = "Мероприятие " + number;
        }

        Item task(String text) {
            task = text;
            return this;
        }

        Item in(String... codes) {
            categories.addAll(List.of(codes));
            return this;
        }

        Item period(String start, String end) {
            periods.add(new ComparedItem.Period(start == null ? null : day(start), end == null ? null : day(end)));
            deadlineKind = "UNPARSED".equals(deadlineKind) ? "ONCE" : deadlineKind;
            return this;
        }

        Item kind(String kind) {
            deadlineKind = kind;
            return this;
        }

        Item deadline(String text) {
            deadlineText = text;
            return this;
        }

        Item by(String type) {
            return by(type, type.toLowerCase() + " " + (executors.size() + 1));
        }

        Item by(String type, String shortName) {
            executors.add(new ComparedItem.Executor(shortName + " (полное наименование)", shortName, type));
            return this;
        }

        Item indicator(String text) {
            indicator = text;
            return this;
        }

        Item reported(String stage, String status) {
            progress.add(new ComparedItem.Progress(day(stage), status));
            return this;
        }

        ComparedItem build() {
            List<ComparedItem.Evidence> evidence = categories.stream()
                    .map(code -> new ComparedItem.Evidence(code, code.toLowerCase() + "-rule", "rule")).toList();
            return new ComparedItem(roadmap.id() + ":" + number, roadmap.id(), roadmap.region(), number, "Раздел",
                    task, deadlineText, deadlineKind, periods, executors, indicator, progress, categories, evidence);
        }
    }
}
