package ru.school500.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** All comparison views of every region's roadmap at once, as the federal analyst. */
final class ComparisonFigure {

    private static final Pattern ROADMAP_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Api api;
    private final BenchConfig config;

    ComparisonFigure(Api api, BenchConfig config) {
        this.api = api;
        this.config = config;
    }

    /**
     * The first comparison, not measured: polled until the search has every roadmap's approval (the roadmap feed
     * is read by the search on its own schedule; a roadmap not yet indexed as approved answers 404 to the federal
     * analyst, as an unknown one would). Past the deadline, says which roadmap and how roadmap-service sees it.
     */
    private double awaitSearchable(String path, Map<String, String> roadmaps) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            long t0 = System.nanoTime();
            try {
                api.get(Accounts.FEDERAL, path);
                return (System.nanoTime() - t0) / 1e6;
            } catch (IllegalStateException e) {
                String message = String.valueOf(e.getMessage());
                if (!message.contains("HTTP 404") || System.nanoTime() > deadline) {
                    Matcher id = ROADMAP_ID.matcher(message.substring(Math.max(0, message.indexOf("\"detail\""))));
                    throw id.find() ? new IllegalStateException("the search does not show roadmap " + id.group()
                            + " (of region " + region(roadmaps, id.group()) + ") to the federal analyst; roadmap-service: "
                            + api.get(Accounts.FEDERAL, "/api/roadmaps/" + id.group()).path("status").asString(), e) : e;
                }
                pause();
            }
        }
    }

    private static String region(Map<String, String> roadmaps, String id) {
        return roadmaps.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElse("?");
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * What the analyst's page loads: every view without the items' texts ({@code details=false}), then the items of a
     * cell when one is opened; and, for reference, the full answer with every item's text (the API default).
     */
    void measure(Map<String, String> roadmaps, Report report) {
        String all = "/api/comparison?" + roadmaps.values().stream().sorted().map(id -> "roadmap=" + id)
                .collect(Collectors.joining("&"));
        String views = all + "&details=false";
        double first = awaitSearchable(views, roadmaps);
        LoadRun.Stats stats = timed(config.comparisonRepeats(), i -> views);
        report.add("comparison.p95", "comparison of " + roadmaps.size() + " regions, all views, p95", stats.p95(), "ms",
                null, null, "p95 ≤ 300 ms", stats.p95() <= 300, "p50 " + Report.round(stats.p50()) + " ms over "
                        + config.comparisonRepeats() + " requests; the first of this set (pairs and views computed) "
                        + Report.round(first) + " ms");

        List<String> cells = largestCells(api.get(Accounts.FEDERAL, views));
        LoadRun.Stats drill = timed(config.comparisonRepeats(), i -> cells.get(i % cells.size()));
        report.add("comparison.cell.p95", "comparison drill-down: the items of one cell, p95", drill.p95(), "ms",
                null, null, null, null, "p50 " + Report.round(drill.p50()) + " ms over " + config.comparisonRepeats()
                        + " requests, the largest cell of each of " + cells.size() + " regions");

        LoadRun.Stats full = timed(Math.max(3, config.comparisonRepeats() / 5), i -> all);
        report.add("comparison.full.p95", "comparison of " + roadmaps.size() + " regions with every item's text, p95",
                full.p95(), "ms", null, null, null, null, "p50 " + Report.round(full.p50()) + " ms");
    }

    private LoadRun.Stats timed(int repeats, java.util.function.IntFunction<String> path) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            String next = path.apply(i);
            long t0 = System.nanoTime();
            api.get(Accounts.FEDERAL, next);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return LoadRun.of(millis, 0);
    }

    /** Per roadmap, the drill-down of its largest category. */
    private static List<String> largestCells(tools.jackson.databind.JsonNode comparison) {
        Map<String, String> best = new java.util.LinkedHashMap<>();
        Map<String, Integer> count = new java.util.HashMap<>();
        comparison.at("/categories/rows").forEach(row -> row.path("cells").forEach(cell -> {
            String roadmap = cell.path("roadmapId").asString();
            if (cell.path("count").asInt() > count.getOrDefault(roadmap, 0)) {
                count.put(roadmap, cell.path("count").asInt());
                best.put(roadmap, "/api/comparison/items?roadmap=" + roadmap + "&category=" + row.path("code").asString());
            }
        }));
        return List.copyOf(best.values());
    }
}
