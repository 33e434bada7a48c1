package ru.school500.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** All comparison views of every region's roadmap at once, as the federal analyst. */
final class ComparisonFigure {

    private final Api api;
    private final BenchConfig config;

    ComparisonFigure(Api api, BenchConfig config) {
        this.api = api;
        this.config = config;
    }

    void measure(Map<String, String> roadmaps, Report report) {
        String path = "/api/comparison?" + roadmaps.values().stream().sorted().map(id -> "roadmap=" + id)
                .collect(Collectors.joining("&"));
        api.get(Accounts.FEDERAL, path);
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
