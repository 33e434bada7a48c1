package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.school500.searchservice.comparison.ComparisonMother.day;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.util.List;

import org.junit.jupiter.api.Test;

class OverdueTest {

    @Test
    void itemIsOverdueWhenItsLastDayIsBeforeTheDateAndNothingClosedIt() {
        List<ComparedItem> items = List.of(
                kirov("3.2").deadline("апрель, июнь 2022 г.").period("2022-04-01", "2022-04-30")
                        .period("2022-06-01", "2022-06-30").by("MUNICIPAL_BODY", "ОМСУ").by("OTHER", "ЦНППМ")
                        .reported("2022-06-17", "IN_PROGRESS").build(),
                kirov("1.7").period("2022-02-18", "2022-02-18").build());

        Overdue overdue = Overdue.on(day("2022-07-01"), ComparisonMother.roadmaps(), items);

        assertThat(overdue.date()).isEqualTo(day("2022-07-01"));
        assertThat(overdue.count()).isEqualTo(2);
        Overdue.RoadmapOverdue kirov = overdue.roadmaps().get(1);
        assertThat(kirov.dated()).isEqualTo(2);
        assertThat(kirov.items()).extracting(Overdue.OverdueItem::number).containsExactly("1.7", "3.2");
        Overdue.OverdueItem roundTables = kirov.items().get(1);
        assertThat(roundTables.deadline()).isEqualTo(day("2022-06-30"));
        assertThat(roundTables.deadlineText()).isEqualTo("апрель, июнь 2022 г.");
        assertThat(roundTables.executors()).isEqualTo("ОМСУ, ЦНППМ");
        assertThat(roundTables.lastStage()).isEqualTo(day("2022-06-17"));
        assertThat(roundTables.lastStatus()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void withoutProgressRightsOverdueIsByDeadlinesAloneAndSaysSo() {
        ComparedRoadmap foreign = new ComparedRoadmap(ComparisonMother.KIROV.id(), "43", "Кировская область",
                "Дорожная карта", 2022, "APPROVED", "REGIONAL", false);
        List<ComparedItem> items = List.of(
                kirov("1.1").period("2022-02-01", "2022-02-28").reported("2022-02-10", "CANCELLED").build(),
                kirov("1.2").period("2022-02-01", "2022-02-28").reported("2022-02-10", "IN_PROGRESS").build());

        Overdue.RoadmapOverdue overdue = Overdue.on(day("2022-07-01"), List.of(foreign), items).roadmaps().getFirst();
        Overdue.RoadmapOverdue own = Overdue.on(day("2022-07-01"), List.of(ComparisonMother.KIROV), items)
                .roadmaps().getFirst();

        assertThat(overdue.progressConsidered()).isFalse();
        assertThat(overdue.items()).extracting(Overdue.OverdueItem::number).containsExactly("1.1", "1.2");
        assertThat(overdue.items()).allSatisfy(item -> {
            assertThat(item.lastStage()).isNull();
            assertThat(item.lastStatus()).isNull();
        });
        assertThat(own.progressConsidered()).isTrue();
        assertThat(own.items()).extracting(Overdue.OverdueItem::number).containsExactly("1.2");
    }

    @Test
    void itemIsNotOverdueOnItsLastDay() {
        List<ComparedItem> items = List.of(kirov("1.7").period("2022-02-18", "2022-02-18").build());

        assertThat(Overdue.on(day("2022-02-18"), ComparisonMother.roadmaps(), items).count()).isZero();
        assertThat(Overdue.on(day("2022-02-19"), ComparisonMother.roadmaps(), items).count()).isEqualTo(1);
    }

    @Test
    void doneOrCancelledOnOrBeforeTheDateClosesTheItemButALaterReportDoesNot() {
        List<ComparedItem> items = List.of(
                irkutsk("1.1").period("2021-01-01", "2021-01-31").reported("2021-06-17", "DONE").build(),
                irkutsk("1.2").period("2021-01-01", "2021-03-31").reported("2021-06-17", "CANCELLED").build(),
                irkutsk("1.5").period("2021-03-01", "2021-03-31").reported("2021-09-16", "DONE").build());

        Overdue overdue = Overdue.on(day("2021-07-01"), ComparisonMother.roadmaps(), items);

        Overdue.RoadmapOverdue irkutsk = overdue.roadmaps().getFirst();
        assertThat(irkutsk.items()).extracting(Overdue.OverdueItem::number).containsExactly("1.5");
        assertThat(irkutsk.items().getFirst().lastStage()).isNull();
        assertThat(irkutsk.items().getFirst().lastStatus()).isNull();
    }

    @Test
    void itemsWithoutPeriodsAreNeverOverdueAndADeadlineWithoutStartStillCounts() {
        List<ComparedItem> items = List.of(
                kirov("2.4").deadline("по плану работы ЕРМС").build(),
                kirov("1.1").deadline("до 23.12.2021").period(null, "2021-12-23").build());

        Overdue overdue = Overdue.on(day("2022-01-10"), ComparisonMother.roadmaps(), items);

        assertThat(overdue.roadmaps().get(1).dated()).isEqualTo(1);
        assertThat(overdue.roadmaps().get(1).items()).extracting(Overdue.OverdueItem::number).containsExactly("1.1");
    }

    @Test
    void withoutADateEachRoadmapIsCheckedOnTheEndOfItsOwnYearNotYearsLater() {
        List<ComparedItem> items = List.of(
                irkutsk("1.1").period("2021-01-01", "2021-01-31").build(),
                irkutsk("3.1").period("2021-12-01", "2021-12-31").build(),
                kirov("1.7").period("2022-02-18", "2022-02-18").reported("2022-02-18", "DONE").build(),
                kirov("2.6").period("2022-12-01", "2022-12-31").build());

        Overdue overdue = Overdue.of(null, day("2026-12-01"), ComparisonMother.roadmaps(), items);

        assertThat(overdue.basis()).isEqualTo(Overdue.Basis.ROADMAP_PERIOD_END);
        assertThat(overdue.roadmaps()).extracting(Overdue.RoadmapOverdue::date)
                .containsExactly(day("2021-12-31"), day("2022-12-31"));
        assertThat(overdue.roadmaps().getFirst().items()).extracting(Overdue.OverdueItem::number)
                .containsExactly("1.1");
        assertThat(overdue.roadmaps().get(1).items()).isEmpty();
        assertThat(overdue.explanation()).contains("31.12.2021", "31.12.2022", "конец своего периода");
    }

    @Test
    void aRoadmapWhosePeriodHasNotEndedIsCheckedOnTodayAndALaterDeadlineExtendsThePeriod() {
        List<ComparedItem> items = List.of(
                irkutsk("1.1").period("2021-01-01", "2021-01-31").build(),
                irkutsk("1.2").period("2021-10-01", "2022-03-31").build(),
                kirov("1.7").period("2022-02-18", "2022-02-18").build(),
                kirov("2.6").period("2022-12-01", "2022-12-31").build());

        Overdue overdue = Overdue.of(null, day("2022-06-01"), ComparisonMother.roadmaps(), items);

        assertThat(overdue.roadmaps().getFirst().periodEnd()).isEqualTo(day("2022-03-31"));
        assertThat(overdue.roadmaps().getFirst().date()).isEqualTo(day("2022-03-31"));
        assertThat(overdue.roadmaps().get(1).date()).isEqualTo(day("2022-06-01"));
        assertThat(overdue.roadmaps().get(1).items()).extracting(Overdue.OverdueItem::number).containsExactly("1.7");
    }

    @Test
    void aRequestedDateAppliesToEveryRoadmap() {
        List<ComparedItem> items = List.of(irkutsk("1.1").period("2021-01-01", "2021-01-31").build(),
                kirov("1.7").period("2022-02-18", "2022-02-18").build());

        Overdue overdue = Overdue.of(day("2023-01-01"), day("2026-12-01"), ComparisonMother.roadmaps(), items);

        assertThat(overdue.basis()).isEqualTo(Overdue.Basis.REQUESTED);
        assertThat(overdue.date()).isEqualTo(day("2023-01-01"));
        assertThat(overdue.roadmaps()).extracting(Overdue.RoadmapOverdue::date)
                .containsOnly(day("2023-01-01"));
        assertThat(overdue.count()).isEqualTo(2);
    }
}
