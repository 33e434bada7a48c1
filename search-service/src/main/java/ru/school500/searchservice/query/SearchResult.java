package ru.school500.searchservice.query;

import java.util.List;
import java.util.Map;

/**
 * One page of search results: the total the caller may see, the hits with highlighted snippets, the facet
 * counts over the same visible set, and the cursor for the next page ({@code null} on the last page).
 */
record SearchResult(long total, int page, int size, List<SearchHit> hits,
        Map<String, List<FacetValue>> facets, String next) {

    record SearchHit(String id, String type, String title, String region, String regionName, Integer year,
            String status, String date, String snippet, List<String> snippets, String link, String roadmapId,
            String itemNumber, double score) {
    }

    record FacetValue(String value, String label, long count) {
    }
}
