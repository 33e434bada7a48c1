package ru.school500.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's data set, the same for the same seed and sizes: a roadmap order per region (its items drawn
 * from the fixtures' vocabulary), best practices and school materials with Russian text of realistic length.
 */
record Corpus(List<Order> orders, List<Practice> practices, List<Material> materials, List<String> queryWords) {

    record Region(String code, String name) {
    }

    record Item(String number, String task, String deadline, String executors, String indicator, String link) {
    }

    record Section(String number, String title, List<Item> items) {
    }

    record Order(Region region, int year, String number, LocalDate date, String preamble, String signatory,
            List<Section> sections) {
        int items() {
            return sections.stream().mapToInt(s -> s.items().size()).sum();
        }

        String title() {
            return "Об утверждении дорожной карты по реализации проекта адресной методической помощи "
                    + "общеобразовательным организациям «500+» в регионе «" + region.name() + "» в " + year + " году";
        }

        String dateText() {
            return date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));
        }
    }

    /** {@code status}: the workflow status the loader leaves it in (DRAFT, SUBMITTED, PUBLISHED). */
    record Practice(Region region, String title, List<String> authors, String direction, String level,
            List<String> riskFactors, String description, String results, String status) {
    }

    record Material(Region region, String kind, String title, List<String> riskFactors, String text) {
    }

    static final List<String> DIRECTIONS = List.of("MENTORING", "PROFESSIONAL_DEVELOPMENT", "SCHOOL_CLIMATE_MEDIATION",
            "WORK_WITH_PARENTS", "NON_NATIVE_RUSSIAN", "TEACHING_QUALITY", "MANAGEMENT", "NETWORKING",
            "LEARNING_MOTIVATION");
    static final List<String> LEVELS = List.of("PRIMARY_GENERAL", "BASIC_GENERAL", "SECONDARY_GENERAL", "ALL_GENERAL");
    static final List<String> RISK_FACTORS = List.of("LOW_EQUIPMENT", "TEACHER_SHORTAGE", "LOW_TEACHER_COMPETENCE",
            "LOW_ADAPTIVITY", "LANGUAGE_BARRIERS", "ACADEMIC_FAILURE_RISK", "LOW_PARENT_INVOLVEMENT",
            "POOR_SCHOOL_CLIMATE", "HIGH_SHARE_SEN", "LOW_MOTIVATION");
    static final List<String> KINDS = List.of("DEVELOPMENT_PROGRAM", "DEVELOPMENT_CONCEPT", "MIDTERM_PROGRAM",
            "ANTI_RISK_PROGRAM", "SELF_DIAGNOSIS", "REPORT");
    private static final List<String> KIND_TITLES = List.of("Программа развития", "Концепция развития",
            "Среднесрочная программа", "Антирисковая программа", "Самодиагностика", "Отчёт");

    static Corpus generate(BenchConfig config, Vocabulary words, List<Region> allRegions) {
        SplittableRandom random = new SplittableRandom(config.seed());
        List<Region> regions = allRegions.subList(0, config.regions());
        List<Order> orders = new ArrayList<>();
        for (Region region : regions) {
            orders.add(order(random.split(), words, region, config));
        }
        List<Practice> practices = new ArrayList<>();
        for (int i = 0; i < config.practices(); i++) {
            practices.add(practice(random.split(), words, regions.get(i % regions.size()), i));
        }
        List<Material> materials = new ArrayList<>();
        for (int i = 0; i < config.materials(); i++) {
            materials.add(material(random.split(), words, regions.get(i % regions.size()), i, config.materialWords()));
        }
        return new Corpus(orders, practices, materials, words.queryWords(40));
    }

    private static Order order(SplittableRandom random, Vocabulary words, Region region, BenchConfig config) {
        int year = 2021 + random.nextInt(5);
        int items = config.minItems() + random.nextInt(config.maxItems() - config.minItems() + 1);
        int sectionCount = Math.max(2, Math.min(8, items / 10));
        List<Section> sections = new ArrayList<>();
        int left = items;
        for (int s = 1; s <= sectionCount; s++) {
            int here = s == sectionCount ? left : Math.max(1, left / (sectionCount - s + 1) + random.nextInt(3) - 1);
            left -= here;
            List<Item> rows = new ArrayList<>();
            for (int i = 1; i <= here; i++) {
                rows.add(new Item(s + "." + i, words.task(random), words.deadline(random, year), words.executors(random),
                        words.indicator(random), random.nextInt(3) == 0 ? "" : words.link(random)));
            }
            sections.add(new Section(Integer.toString(s), words.sectionTitle(random), rows));
        }
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(3), 1 + random.nextInt(28));
        String number = (100 + random.nextInt(900)) + (random.nextBoolean() ? "" : "-р");
        return new Order(region, year, number, date, words.prose(random, 60 + random.nextInt(60)), words.person(random),
                sections);
    }

    private static Practice practice(SplittableRandom random, Vocabulary words, Region region, int index) {
        List<String> risks = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String risk = Vocabulary.pick(random, RISK_FACTORS);
            if (!risks.contains(risk)) {
                risks.add(risk);
            }
        }
        int roll = random.nextInt(10);
        String status = roll < 8 ? "PUBLISHED" : roll < 9 ? "SUBMITTED" : "DRAFT";
        return new Practice(region, words.title(random, 6 + random.nextInt(8)) + " (№ " + (index + 1) + ")",
                List.of(words.person(random), words.person(random)).stream().distinct().toList(),
                Vocabulary.pick(random, DIRECTIONS), Vocabulary.pick(random, LEVELS), risks,
                words.prose(random, 150 + random.nextInt(250)), words.prose(random, 40 + random.nextInt(80)), status);
    }

    private static Material material(SplittableRandom random, Vocabulary words, Region region, int index, int size) {
        int kind = random.nextInt(KINDS.size());
        return new Material(region, KINDS.get(kind), KIND_TITLES.get(kind) + " школы " + region.code()
                + "-01-001: " + words.title(random, 4 + random.nextInt(5)) + " (№ " + (index + 1) + ")",
                random.nextBoolean() ? List.of(Vocabulary.pick(random, RISK_FACTORS)) : List.of(),
                words.prose(random, size / 2 + random.nextInt(size)));
    }
}
