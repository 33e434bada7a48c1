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
 * A whole roadmap to store as a DRAFT: the body of {@code POST /api/roadmaps} and the argument of
 * {@link RoadmapService#createDraft(RoadmapDraft, ru.school500.roadmapservice.security.CurrentUser)}, which the
 * order importer calls with what it parsed.
 *
 * @param region         region code ("43"); {@code null} means the caller's region
 * @param level          regional or municipal
 * @param municipality   municipality code for a municipal roadmap ("43-01")
 * @param title          the annex title as written
 * @param year           the roadmap's year; either it or both period ends must be given
 * @param periodStart    first day, for a roadmap that is not one calendar year
 * @param periodEnd      last day
 * @param columnHeadings the annex's column headings as written, in order
 * @param approvingOrder the order that approves (or is to approve) it
 * @param repealedOrders orders that order declares repealed, in order
 * @param organisations  organisations the roadmap names, with their aliases
 * @param sections       sections with items, in order
 */
public record RoadmapDraft(
        @Size(max = 8) String region,
        @NotNull RoadmapLevel level,
        @Size(max = 16) String municipality,
        @NotBlank @Size(max = 10000) String title,
        @Min(2000) @Max(2100) Integer year,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> columnHeadings,
        @Valid OrderReference approvingOrder,
        @Size(max = 50) List<@Valid @NotNull OrderReference> repealedOrders,
        @Size(max = 500) List<@Valid @NotNull OrganisationDraft> organisations,
        @Size(max = 200) List<@Valid @NotNull SectionDraft> sections) {

    public RoadmapDraft {
        columnHeadings = columnHeadings == null ? List.of() : List.copyOf(columnHeadings);
        repealedOrders = repealedOrders == null ? List.of() : List.copyOf(repealedOrders);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        sections = sections == null ? List.of() : List.copyOf(sections);
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
