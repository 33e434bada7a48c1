package ru.school500.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Search at 1, 8 and 32 concurrent users through the gateway, against search-service called directly and against
 * the very Elasticsearch requests search-service sent for the same queries ({@link EsCapture}). The three take
 * turns within each level, so that they meet the same machine.
 */
final class SearchFigures {

    /** Each level's three targets take turns in this many rounds ({@link LoadRun#interleaved}). */
    private static final int ROUNDS = 3;

    private final Api api;
    private final BenchConfig config;
    private final Path searchLog;
    private final Consumer<String> onErrors;

    /** @param onErrors called, with a label, right after a level in which search-service answered with errors */
    SearchFigures(Api api, BenchConfig config, Path searchLog, Consumer<String> onErrors) {
        this.api = api;
        this.config = config;
        this.searchLog = searchLog;
        this.onErrors = onErrors;
    }

    void measure(Corpus corpus, Report report) {
        List<Searches.Query> queries = Searches.mix(corpus, api.accounts().searchers(),
                config.mode().equals("tiny") ? 24 : 60, config.seed());
        List<EsCapture.EsRequest> captured = EsCapture.capture(api, Bench.SEARCH_SERVICE_MANAGEMENT,
                searchLog, queries.stream().map(q -> Bench.get(api, Bench.SEARCH_SERVICE, q.user(), q.pathAndQuery())).toList());
        report.details().put("capturedElasticsearchRequest", captured.getFirst());
        report.details().put("queries", queries.stream().map(Searches.Query::pathAndQuery).toList());
        int warmUp = Math.min(queries.size(), 30);
        IntFunction<HttpRequest> es = n -> {
            EsCapture.EsRequest r = captured.get(n % captured.size());
            return HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body())).build();
        };
        List<IntFunction<HttpRequest>> targets = List.of(es, searches(queries, Bench.SEARCH_SERVICE),
                searches(queries, api.base()));
        for (int users : config.concurrency()) {
            api.accounts().warm(api.accounts().searchers());
            List<LoadRun.Stats> level = LoadRun.interleaved(api.http(), users, warmUp, ROUNDS, config.searchRequests(),
                    config.searchTime(), targets);
            measureLevel(report, users, level.get(0), level.get(1), level.get(2));
        }
    }

    /** The n-th of the mixed queries, sent to {@code base} by its user. */
    private IntFunction<HttpRequest> searches(List<Searches.Query> queries, String base) {
        return n -> {
            Searches.Query q = queries.get(n % queries.size());
            return Bench.get(api, base, q.user(), q.pathAndQuery());
        };
    }

    private void measureLevel(Report report, int users, LoadRun.Stats es, LoadRun.Stats service,
            LoadRun.Stats gateway) {
        if (service.errors() > 0 || gateway.errors() > 0) {
            // right after the level, while its reads may still be in flight: what the services' threads wait for
            onErrors.accept("search " + users + " users");
        }
        report.searchLevel("gateway", users, gateway);
        report.searchLevel("search-service", users, service);
        report.searchLevel("Elasticsearch", users, es);
        String who = users + (users == 1 ? " user" : " users");
        report.add("search.p50." + users, "search p50 via gateway, " + who, gateway.p50(), "ms", "raw ES", es.p50(),
                null, null, "search-service direct " + Report.round(service.p50()) + " ms");
        report.add("search.p95." + users, "search p95 via gateway, " + who, gateway.p95(), "ms", "raw ES", es.p95(),
                null, null, "search-service direct " + Report.round(service.p95()) + " ms");
        report.add("search.p99." + users, "search p99 via gateway, " + who, gateway.p99(), "ms", "raw ES", es.p99(),
                "≤ 1.3× raw", gateway.errors() == 0 && gateway.p99() <= 1.3 * es.p99(), "search-service direct " + Report.round(service.p99()) + " ms");
        report.add("search.throughput." + users, "search throughput via gateway, " + who, gateway.throughput(),
                "req/s", "raw ES", es.throughput(), null, null, gateway.errors() + " errors, "
                        + gateway.throttled() + " × 429, " + gateway.waited() + " refusals waited out");
        CorpusLoader.log("search " + who + ": gateway p99 " + gateway.p99() + " ms, ES p99 " + es.p99() + " ms");
    }
}
