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
 * the very Elasticsearch requests search-service sent for the same queries ({@link EsCapture}).
 */
final class SearchFigures {

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
        for (int users : config.concurrency()) {
            api.accounts().warm(api.accounts().searchers());
            LoadRun.Stats es = run(users, warmUp, n -> {
                EsCapture.EsRequest r = captured.get(n % captured.size());
                return HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body())).build();
            });
            LoadRun.Stats service = run(users, warmUp, n -> {
                Searches.Query q = queries.get(n % queries.size());
                return Bench.get(api, Bench.SEARCH_SERVICE, q.user(), q.pathAndQuery());
            });
            if (service.errors() > 0) {
                // while it still fails: what its threads wait for is what a later look may not see
                onErrors.accept("search " + users + " users");
            }
            LoadRun.Stats gateway = run(users, warmUp, n -> {
                Searches.Query q = queries.get(n % queries.size());
                return Bench.get(api, api.base(), q.user(), q.pathAndQuery());
            });
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
                            + gateway.throttled() + " × 429");
            CorpusLoader.log("search " + who + ": gateway p99 " + gateway.p99() + " ms, ES p99 " + es.p99() + " ms");
        }
    }

    private LoadRun.Stats run(int users, int warmUp, IntFunction<HttpRequest> next) {
        return LoadRun.run(api.http(), users, warmUp, config.searchRequests(), config.searchTime(), next);
    }
}
