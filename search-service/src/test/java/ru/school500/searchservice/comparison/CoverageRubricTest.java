package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static ru.school500.searchservice.comparison.ComparisonMother.IRKUTSK;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.school500.searchservice.comparison.ComparisonProperties.Criterion;
import ru.school500.searchservice.comparison.ComparisonProperties.Kind;
import ru.school500.searchservice.comparison.ComparisonProperties.Match;
import ru.school500.searchservice.comparison.ComparisonProperties.Parameters;
import ru.school500.searchservice.comparison.ComparisonProperties.Rubric;
import ru.school500.searchservice.comparison.ComparisonProperties.Zones;
import ru.school500.searchservice.comparison.CoverageScore.Reason;
import ru.school500.searchservice.comparison.CoverageScore.Zone;

class CoverageRubricTest {

    private static final List<Taxonomy.Category> CATEGORIES = List.of(
            new Taxonomy.Category("MONITORING", "Мониторинг и диагностика", "", List.of()),
            new Taxonomy.Category("PROFESSIONAL_DEVELOPMENT", "Профессиональное развитие педагогов", "", List.of()),
            new Taxonomy.Category("MENTORING", "Наставничество", "", List.of()),
            new Taxonomy.Category("CURATORSHIP", "Кураторство и методическое сопровождение", "", List.of()),
            new Taxonomy.Category("PARENTS_COMMUNITY", "Работа с родителями и местным сообществом", "", List.of()));

    private final CoverageRubric defaults = CoverageRubric.defaults();

    @Test
    void defaultRubricHasSixOnePointCriteriaAndFiveThreeZones() {
        assertThat(defaults.maxPoints()).isEqualTo(6);
        assertThat(defaults.criteria()).extracting(Criterion::code).containsExactly("MONITORING",
                "PROFESSIONAL_GROWTH", "METHODICAL_SUPPORT", "PARENTS_COMMUNITY", "DATED_DEADLINES", "INDICATORS");
        assertThat(defaults.zones()).isEqualTo(new Zones(5, 3));
        assertThat(defaults.zone(6)).isEqualTo(Zone.GREEN);
        assertThat(defaults.zone(5)).isEqualTo(Zone.GREEN);
        assertThat(defaults.zone(4)).isEqualTo(Zone.YELLOW);
        assertThat(defaults.zone(3)).isEqualTo(Zone.YELLOW);
        assertThat(defaults.zone(2)).isEqualTo(Zone.RED);
    }

    @Test
    void roadmapCoveringEverythingScoresSixInTheGreenZone() {
        List<ComparedItem> items = List.of(
                irkutsk("1.15").in("MONITORING").period("2021-01-01", "2021-06-30").indicator("Отчёт").build(),
                irkutsk("1.24").in("PROFESSIONAL_DEVELOPMENT").period("2021-09-01", "2021-12-31").indicator("План")
                        .build(),
                irkutsk("1.20").in("CURATORSHIP").period("2021-01-01", "2021-11-30").indicator("100 %").build(),
                irkutsk("2.7").in("PARENTS_COMMUNITY").period("2021-11-01", "2021-11-30").indicator("Документ")
                        .build());

        CoverageScore score = defaults.score(CATEGORIES, List.of(IRKUTSK), items).getFirst();

        assertThat(score.points()).isEqualTo(6);
        assertThat(score.max()).isEqualTo(6);
        assertThat(score.zone()).isEqualTo(Zone.GREEN);
        assertThat(score.reasons()).allSatisfy(reason -> assertThat(reason.met()).isTrue());
        assertThat(score.reasons().getFirst().text())
                .isEqualTo("Выполнено: «Мониторинг и диагностика» — 1 мероприятие (1.15); "
                        + "нужно не менее 1 мероприятия.");
    }

    @Test
    void reasonsGiveTheNumbersBehindUnmetCriteria() {
        List<ComparedItem> items = new ArrayList<>();
        items.add(kirov("2.10").in("MENTORING").indicator("Положение").period("2022-08-01", "2022-08-31").build());
        items.add(kirov("2.4").in("PROFESSIONAL_DEVELOPMENT").indicator("Планы").build());
        items.add(kirov("2.6").indicator("Пост-релиз").build());
        items.add(kirov("1.2").period("2021-12-01", "2021-12-31").build());
        items.add(kirov("1.3").period("2022-02-01", "2022-02-28").indicator("Акт").build());

        CoverageScore score = defaults.score(CATEGORIES, List.of(ComparisonMother.KIROV), items).getFirst();

        assertThat(score.points()).isEqualTo(2);
        assertThat(score.zone()).isEqualTo(Zone.RED);
        assertThat(score.reasons()).extracting(Reason::code, Reason::met, Reason::points).containsExactly(
                tuple("MONITORING", false, 0),
                tuple("PROFESSIONAL_GROWTH", true, 1),
                tuple("METHODICAL_SUPPORT", false, 0),
                tuple("PARENTS_COMMUNITY", false, 0),
                tuple("DATED_DEADLINES", false, 0),
                tuple("INDICATORS", true, 1));
        assertThat(score.reasons().get(1).text()).isEqualTo("Выполнено: «Профессиональное развитие педагогов» — "
                + "1 мероприятие (2.4); «Наставничество» — 1 мероприятие (2.10); нужно не менее 1 мероприятия "
                + "в одной из категорий.");
        assertThat(score.reasons().get(3).text()).isEqualTo("Не выполнено: «Работа с родителями и местным "
                + "сообществом» — 0 мероприятий; нужно не менее 1 мероприятия.");
        assertThat(score.reasons().get(4).text()).isEqualTo("Не выполнено: у 3 из 5 мероприятий (60 %) срок задан "
                + "периодом короче года (период короче года — 3); порог 80 %. Не засчитаны: «в течение года», "
                + "«по плану» или не разобран — 2 (2.4, 2.6).");
        assertThat(score.reasons().get(5).text()).isEqualTo("Выполнено: у 4 из 5 мероприятий (80 %) показатель "
                + "реализации измерим (документ или иной продукт, который можно предъявить — 4); порог 80 %. "
                + "Не засчитаны: показатель не указан — 1 (1.2).");
        assertThat(score.reasons().get(5).counts()).extracting(CoverageScore.Count::code, CoverageScore.Count::count,
                CoverageScore.Count::counted).containsExactly(tuple("PRODUCT", 4, true), tuple("MISSING", 1, false));
    }

    @Test
    void configuredCriteriaCountTheirPointsAndExecutorTypes() {
        Rubric rubric = new Rubric(List.of(
                new Criterion("LEVELS", "Исполнители всех уровней", 2, Kind.EXECUTOR_TYPES,
                        new Parameters(null, null, null, null, 3, List.of("MUNICIPAL_BODY"))),
                new Criterion("BOTH", "Наставничество и кураторство", 1, Kind.CATEGORIES_COVERED,
                        new Parameters(List.of("MENTORING", "CURATORSHIP"), Match.ALL, 2, null, null, null)),
                new Criterion("EXECUTORS", "Исполнители указаны", null, Kind.SHARE_WITH_EXECUTORS,
                        new Parameters(null, null, null, 0.5, null, null))),
                new Zones(3, 2));
        CoverageRubric configured = new CoverageRubric(new ComparisonProperties(rubric));
        List<ComparedItem> items = List.of(
                irkutsk("1.1").in("MENTORING", "CURATORSHIP").by("MINISTRY").build(),
                irkutsk("1.2").in("MENTORING").by("REGIONAL_INSTITUTE").build(),
                irkutsk("1.3").in("CURATORSHIP").build());

        CoverageScore score = configured.score(CATEGORIES, List.of(IRKUTSK), items).getFirst();

        assertThat(configured.maxPoints()).isEqualTo(4);
        assertThat(score.reasons()).extracting(Reason::met).containsExactly(false, true, true);
        assertThat(score.points()).isEqualTo(2);
        assertThat(score.zone()).isEqualTo(Zone.YELLOW);
        assertThat(score.reasons().getFirst().text()).isEqualTo("Не выполнено: типы исполнителей: 2 (Региональный "
                + "орган управления образованием, Региональные институты и центры); нужно не менее 3; нет исполнителей "
                + "типа «Муниципальные органы и службы».");
    }

    @Test
    void roadmapWithoutItemsMeetsNothing() {
        CoverageScore score = defaults.score(CATEGORIES, List.of(IRKUTSK), List.of()).getFirst();

        assertThat(score.points()).isZero();
        assertThat(score.zone()).isEqualTo(Zone.RED);
        assertThat(score.reasons().get(4).text())
                .isEqualTo("Не выполнено: в дорожной карте нет мероприятий; порог 80 %.");
    }

    @Test
    void russianCountsAgreeWithTheNumber() {
        assertThat(List.of(1, 2, 5, 11, 21, 22, 112).stream().map(CoverageRubric::count)).containsExactly(
                "1 мероприятие", "2 мероприятия", "5 мероприятий", "11 мероприятий", "21 мероприятие",
                "22 мероприятия", "112 мероприятий");
        assertThat(List.of(1, 11, 21, 74).stream().map(CoverageRubric::genitive)).containsExactly(
                "1 мероприятия", "11 мероприятий", "21 мероприятия", "74 мероприятий");
    }

    @Test
    void aDeadlineCountsAsDatedOnlyWhenItIsNarrowerThanTheWholeYear() {
        List<ComparedItem> items = List.of(
                kirov("1.7").period("2022-02-18", "2022-02-18").build(),
                kirov("5.4").period("2021-10-01", "2022-06-30").build(),
                kirov("1.8").deadline("январь – декабрь 2022 г.").period("2022-01-01", "2022-12-31").build(),
                kirov("5.1").deadline("в течение года").kind("THROUGHOUT_YEAR").period("2022-01-01", "2022-12-31")
                        .build(),
                kirov("2.4").deadline("по плану работы ЕРМС").kind("BY_PLAN").build());

        Reason dated = defaults.score(CATEGORIES, List.of(ComparisonMother.KIROV), items).getFirst().reasons().get(4);

        assertThat(dated.met()).isFalse();
        assertThat(dated.counts()).extracting(CoverageScore.Count::code, CoverageScore.Count::itemNumbers)
                .containsExactly(tuple("DATED", List.of("1.7", "5.4")), tuple("THROUGHOUT_YEAR", List.of("2.4", "5.1")),
                        tuple("WHOLE_YEAR", List.of("1.8")));
        assertThat(dated.text()).startsWith("Не выполнено: у 2 из 5 мероприятий (40 %)");
    }

    @Test
    void theDatedThresholdsAreConfigurable() {
        Rubric rubric = new Rubric(List.of(new Criterion("DATED", "Сроки", 1, Kind.SHARE_WITH_PERIODS,
                new Parameters(null, null, null, 0.5, null, null, 400, List.of("BY_PLAN")))), new Zones(1, 0));
        List<ComparedItem> items = List.of(
                kirov("1.8").period("2022-01-01", "2022-12-31").build(),
                kirov("5.1").kind("THROUGHOUT_YEAR").period("2022-01-01", "2022-12-31").build());

        Reason dated = new CoverageRubric(new ComparisonProperties(rubric))
                .score(CATEGORIES, List.of(ComparisonMother.KIROV), items).getFirst().reasons().getFirst();

        assertThat(dated.met()).isTrue();
        assertThat(dated.counts()).extracting(CoverageScore.Count::count).containsExactly(2);
    }

    @Test
    void anIndicatorCountsOnlyWhenItIsMeasurable() {
        List<ComparedItem> items = List.of(
                irkutsk("1.7").indicator("Не менее двух консультационных тематических встреч в месяц").build(),
                irkutsk("1.9").indicator("100 % образовательных организаций").build(),
                irkutsk("1.5").indicator("Распорядительный документ").build(),
                irkutsk("2.6").indicator("проведён «круглый стол» по итогам участия в проекте 500+").build(),
                irkutsk("2.2").indicator("повысилась профессиональная компетентность руководителей в 2022 году")
                        .build(),
                irkutsk("2.3").indicator("Муниципальные мероприятия проекта 500+").build(),
                irkutsk("2.4").build());

        Reason indicators = defaults.score(CATEGORIES, List.of(IRKUTSK), items).getFirst().reasons().get(5);

        assertThat(indicators.counts()).extracting(CoverageScore.Count::code, CoverageScore.Count::itemNumbers)
                .containsExactly(tuple("QUANTITY", List.of("1.7", "1.9")), tuple("PRODUCT", List.of("1.5")),
                        tuple("RESULT", List.of("2.6")), tuple("NOT_MEASURABLE", List.of("2.2", "2.3")),
                        tuple("MISSING", List.of("2.4")));
        assertThat(indicators.text()).contains("у 4 из 7 мероприятий (57 %) показатель реализации измерим",
                "показатель не измерим (нет числа, продукта или результата) — 2 (2.2, 2.3)");
    }
}
