package ru.school500.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Upload acknowledged (201 from the gateway) → found by the uploader's search. A few regions upload in parallel,
 * each waiting for its own document before the next; the search is polled back to back (its own latency is the
 * resolution), alternately as the school and its region's operator so no account nears the rate limit.
 */
final class IndexLag {

    private final Api api;
    private final CorpusLoader loader;
    private final BenchConfig config;

    IndexLag(Api api, CorpusLoader loader, BenchConfig config) {
        this.api = api;
        this.loader = loader;
        this.config = config;
    }

    void measure(Corpus corpus, Report report) {
        List<Corpus.Region> regions = corpus.orders().stream().map(Corpus.Order::region).toList();
        int lanes = Math.min(4, regions.size());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        int perLane = (config.lagUploads() + lanes - 1) / lanes;
        try (ExecutorService pool = Executors.newFixedThreadPool(lanes)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                Corpus.Region region = regions.get(lane);
                int first = lane * perLane;
                int last = Math.min(config.lagUploads(), first + perLane);
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(config.seed() + first);
                    for (int i = first; i < last; i++) {
                        lags.add(lag(region, i, corpus.materials().get(random.nextInt(corpus.materials().size())).text()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("index lag: " + e.getMessage(), e);
        }
        long missing = lags.stream().filter(lag -> lag < 0).count();
        LoadRun.Stats stats = LoadRun.of(lags.stream().filter(lag -> lag >= 0).toList(), missing);
        report.add("indexLag.p99", "index lag, upload acknowledged → found, p99", stats.p99(), "ms", null, null,
                "p99 ≤ 1.5 s", missing == 0 && stats.p99() <= 1500, "p50 " + Report.round(stats.p50()) + " ms, max "
                        + Report.round(stats.max()) + " ms over " + lags.size() + " uploads, " + lanes + " in parallel"
                        + (missing == 0 ? "" : "; " + missing + " not found within 60 s"));
    }

    private double lag(Corpus.Region region, int index, String text) {
        String title = "Замер индексации " + (index + 1) + " региона " + region.code();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("type", List.of("SCHOOL_MATERIAL"));
        form.put("kind", List.of("REPORT"));
        form.put("title", List.of(title));
        api.multipart(Accounts.school(region), "/api/documents", form, "замер.txt", "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8), 201);
        long acknowledged = System.nanoTime();
        long deadline = acknowledged + Duration.ofSeconds(60).toNanos();
        String[] users = { Accounts.school(region), Accounts.operator(region) };
        for (int poll = 0; System.nanoTime() < deadline; poll++) {
            if (loader.found(users[poll % 2], title)) {
                return (System.nanoTime() - acknowledged) / 1e6;
            }
        }
        return -1;
    }
}
