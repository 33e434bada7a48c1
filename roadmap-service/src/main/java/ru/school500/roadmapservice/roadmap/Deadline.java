package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An item's deadline: the text exactly as written in the order and what was parsed from it.
 *
 * @param text    raw text ("апрель, июнь, октябрь, декабрь 2022 г."), may be {@code null} when the cell is empty
 * @param kind    how to read it
 * @param periods zero or more parsed ranges, in the order written
 */
public record Deadline(@Size(max = 10000) String text, @NotNull DeadlineKind kind,
        @Size(max = 100) List<@Valid @NotNull Period> periods) {

    public Deadline {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    public static Deadline unparsed(String text) {
        return new Deadline(text, DeadlineKind.UNPARSED, List.of());
    }

    /** The last day of the last period: after it, an item without a DONE report is overdue. */
    public Optional<LocalDate> lastDay() {
        return periods.stream().map(Period::end).max(Comparator.naturalOrder());
    }
}
