package ru.school500.searchservice.comparison;

/**
 * A roadmap taking part in a comparison.
 *
 * @param region     region code ("38")
 * @param regionName Russian name of the region, shown in headers
 * @param status     DRAFT, APPROVED or SUPERSEDED
 * @param level      REGIONAL or MUNICIPAL
 */
public record ComparedRoadmap(String id, String region, String regionName, String title, Integer year, String status,
        String level) {
}
