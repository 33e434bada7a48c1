package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.school500.searchservice.comparison.ComparisonMother.day;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoadmapItemsTest {

    @Test
    void itemNumbersSortInDocumentOrder() {
        List<String> numbers = new ArrayList<>(List.of("2.1", "1.10", "", "1.2", "1.2.1", "10.1", "1.2а", "1.9"));

        numbers.sort(RoadmapItems::compareNumbers);

        assertThat(numbers).containsExactly("1.2", "1.2.1", "1.2а", "1.9", "1.10", "2.1", "10.1", "");
    }

    @Test
    void periodsWithOneEndOrReversedEndsStillHaveFirstAndLastDays() {
        assertThat(RoadmapItems.firstDay(new ComparedItem.Period(null, day("2021-12-23")))).hasValue(day("2021-12-23"));
        assertThat(RoadmapItems.lastDay(new ComparedItem.Period(day("2022-02-01"), null))).hasValue(day("2022-02-01"));
        assertThat(RoadmapItems.lastDay(new ComparedItem.Period(day("2022-03-31"), day("2022-01-01"))))
                .hasValue(day("2022-03-31"));
        assertThat(RoadmapItems.firstDay(new ComparedItem.Period(null, null))).isEmpty();
    }
}
