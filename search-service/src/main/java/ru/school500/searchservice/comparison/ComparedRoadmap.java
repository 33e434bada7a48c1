package ru.school500.searchservice.comparison;

/**
 * A roadmap taking part in a comparison.
 *
 * @param region     region code ("38")
 * @param regionName Russian name of the region, shown in headers
 * @param status     DRAFT, APPROVED or SUPERSEDED
 * @param level      REGIONAL or MUNICIPAL
 * @param progressVisible whether the caller may see its items' progress (federal analysts and the region's staff,
 *                        as in roadmap-service); without it, overdue is computed from the deadlines alone
 */
public record ComparedRoadmap(String id, String region, String regionName, String title, Integer year, String status,
        String level, boolean progressVisible) {

    /** A roadmap whose progress the caller sees. */
    public ComparedRoadmap(String id, String region, String regionName, String title, Integer year, String status,
            String level) {
        this(id, region, regionName, title, year, status, level, true);
    }
}
