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
    private void awaitSearchable(String path, Map<String, String> roadmaps) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                api.get(Accounts.FEDERAL, path);
                return;
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

    void measure(Map<String, String> roadmaps, Report report) {
        String path = "/api/comparison?" + roadmaps.values().stream().sorted().map(id -> "roadmap=" + id)
                .collect(Collectors.joining("&"));
        awaitSearchable(path, roadmaps);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < config.comparisonRepeats(); i++) {
            long t0 = System.nanoTime();
            api.get(Accounts.FEDERAL, path);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        LoadRun.Stats stats = LoadRun.of(millis, 0);
        report.add("comparison.p95", "comparison of " + roadmaps.size() + " regions, all views, p95", stats.p95(), "ms",
                null, null, "p95 ≤ 300 ms", stats.p95() <= 300, "p50 " + Report.round(stats.p50()) + " ms over "
                        + millis.size() + " requests");
    }
}
