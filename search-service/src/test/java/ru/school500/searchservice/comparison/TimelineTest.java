package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void monthsSpanAllPeriodsOfAllRoadmaps() {
        List<ComparedItem> items = List.of(
                irkutsk("1.4").period("2021-01-01", "2021-03-31").build(),
                kirov("5.4").period("2021-10-01", "2022-06-30").build());

        Timeline timeline = Timeline.of(ComparisonMother.roadmaps(), items);

        assertThat(timeline.months()).hasSize(18).startsWith(YearMonth.of(2021, 1)).endsWith(YearMonth.of(2022, 6));
        assertThat(timeline.roadmaps()).allSatisfy(roadmap -> assertThat(roadmap.months()).hasSize(18));
    }

    @Test
    void anItemCountsInEveryMonthItsPeriodsOverlapOnceAMonth() {
        List<ComparedItem> items = List.of(
                kirov("3.2").period("2022-04-01", "2022-04-30").period("2022-06-01", "2022-06-30")
                        .period("2022-06-10", "2022-06-20").build(),
                kirov("1.7").period("2022-02-18", "2022-02-18").build(),
                kirov("1.9").period("2022-03-01", "2022-03-31").build());

        Timeline.RoadmapMonths kirov = Timeline.of(ComparisonMother.roadmaps(), items).roadmaps().get(1);

        assertThat(kirov.months()).extracting(Timeline.MonthCount::month, Timeline.MonthCount::count).containsExactly(
                tuple(YearMonth.of(2022, 2), 1),
                tuple(YearMonth.of(2022, 3), 1),
                tuple(YearMonth.of(2022, 4), 1),
                tuple(YearMonth.of(2022, 5), 0),
                tuple(YearMonth.of(2022, 6), 1));
        assertThat(kirov.months().get(2).itemNumbers()).containsExactly("3.2");
    }

    @Test
    void aPeriodWithOneEndCoversOnlyThatMonth() {
        List<ComparedItem> items = List.of(
                kirov("1.1").period(null, "2021-12-23").build(),
                kirov("1.2").period("2022-02-01", null).build());

        Timeline timeline = Timeline.of(ComparisonMother.roadmaps(), items);

        assertThat(timeline.months()).containsExactly(YearMonth.of(2021, 12), YearMonth.of(2022, 1),
                YearMonth.of(2022, 2));
        assertThat(timeline.roadmaps().get(1).months()).extracting(Timeline.MonthCount::itemNumbers)
                .containsExactly(List.of("1.1"), List.of(), List.of("1.2"));
    }

    @Test
    void itemsWithoutDatedPeriodsAreUndated() {
        List<ComparedItem> items = List.of(
                irkutsk("2.2").deadline("по плану").build(),
                irkutsk("2.3").period(null, null).build());

        Timeline timeline = Timeline.of(ComparisonMother.roadmaps(), items);

        assertThat(timeline.months()).isEmpty();
        assertThat(timeline.roadmaps().getFirst().undated()).containsExactly("2.2", "2.3");
        assertThat(timeline.roadmaps().getFirst().months()).isEmpty();
    }

    @Test
    void roadmapsOfDifferentYearsLineUpInMonthsFromTheStartOfTheirOwnYear() {
        List<ComparedItem> items = List.of(
                irkutsk("1.5").period("2021-03-01", "2021-03-31").build(),
                kirov("1.1").period(null, "2021-12-23").build(),
                kirov("1.9").period("2022-03-01", "2022-03-31").build());

        Timeline.RoadmapYear year = Timeline.of(ComparisonMother.roadmaps(), items).roadmapYear();

        assertThat(year.months()).containsExactly(0, 1, 2, 3);
        Timeline.RoadmapRelativeMonths irkutsk = year.roadmaps().get(0);
        Timeline.RoadmapRelativeMonths kirov = year.roadmaps().get(1);
        assertThat(irkutsk.year()).isEqualTo(2021);
        assertThat(irkutsk.months().get(3).itemNumbers()).containsExactly("1.5");
        assertThat(irkutsk.months().get(3).calendarMonth()).isEqualTo(YearMonth.of(2021, 3));
        assertThat(kirov.months().get(3).itemNumbers()).containsExactly("1.9");
        assertThat(kirov.months().get(3).calendarMonth()).isEqualTo(YearMonth.of(2022, 3));
        assertThat(kirov.months().get(0).itemNumbers()).containsExactly("1.1");
        assertThat(kirov.months().get(0).calendarMonth()).isEqualTo(YearMonth.of(2021, 12));
    }
}
