package ru.school500.roadmapservice.roadmap.importer.reading;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A point in time a deadline names, not yet resolved: a day, month, quarter, half-year or year whose year may
 * still be missing ({@code value} is the month, quarter or half; {@code day} the day of a {@link Unit#DAY}).
 */
final class DeadlinePoint {

    enum Unit { DAY, MONTH, QUARTER, HALF, YEAR }

    final Unit unit;
    final int value;
    final int day;
    Integer year;
    boolean explicitYear;

    DeadlinePoint(Unit unit, int value, int day, Integer year) {
        this.unit = unit;
        this.value = value;
        this.day = day;
        this.year = year;
        this.explicitYear = year != null;
    }

    LocalDate start() {
        return switch (unit) {
            case DAY -> LocalDate.of(year, value, day);
            case MONTH -> LocalDate.of(year, value, 1);
            case QUARTER -> LocalDate.of(year, value * 3 - 2, 1);
            case HALF -> LocalDate.of(year, value * 6 - 5, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    LocalDate end() {
        return switch (unit) {
            case DAY -> LocalDate.of(year, value, day);
            case MONTH -> YearMonth.of(year, value).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, value * 3).atEndOfMonth();
            case HALF -> YearMonth.of(year, value * 6).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** The value checked against the unit: there is no fifth quarter. */
    static int checked(Unit unit, int value) {
        int max = switch (unit) {
            case QUARTER -> 4;
            case HALF -> 2;
            default -> Integer.MAX_VALUE;
        };
        if (value > max) {
            throw new IllegalArgumentException("no such " + unit + ": " + value);
        }
        return value;
    }
}
