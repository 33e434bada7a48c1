package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * One parsed date range of a deadline, both ends inclusive.
 *
 * @param start first day, {@code null} for "до 23.12.2021" (open start)
 * @param end   last day
 */
public record Period(LocalDate start, @NotNull LocalDate end) {

    @AssertTrue(message = "начало периода позже его конца")
    boolean isOrdered() {
        return start == null || end == null || !start.isAfter(end);
    }
}
