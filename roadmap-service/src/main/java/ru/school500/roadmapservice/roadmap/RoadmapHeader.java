package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The roadmap's own fields, without sections: the body of {@code PUT /api/roadmaps/{id}}. Region and status
 * are not editable (status changes through approve / new-version only).
 */
public record RoadmapHeader(
        @NotNull RoadmapLevel level,
        @Size(max = 16) String municipality,
        @NotBlank @Size(max = 10000) String title,
        @Min(2000) @Max(2100) Integer year,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> columnHeadings,
        @Valid OrderReference approvingOrder,
        @Size(max = 50) List<@Valid @NotNull OrderReference> repealedOrders) {

    public RoadmapHeader {
        columnHeadings = columnHeadings == null ? List.of() : List.copyOf(columnHeadings);
        repealedOrders = repealedOrders == null ? List.of() : List.copyOf(repealedOrders);
    }

    @AssertTrue(message = "укажите год или период (начало и конец)")
    boolean isYearOrPeriod() {
        return year != null || (periodStart != null && periodEnd != null);
    }

    @AssertTrue(message = "начало периода позже его конца")
    boolean isPeriodOrdered() {
        return periodStart == null || periodEnd == null || !periodStart.isAfter(periodEnd);
    }
}
