package ru.school500.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** A trivial endpoint (the practice directions list) through the gateway and from document-service directly. */
final class GatewayOverhead {

    private static final String TRIVIAL = "/api/documents/practices/directions";
    private static final Duration PACE = Duration.ofMillis(100);

    private final Api api;
    private final BenchConfig config;
    private final FlightRecordings recordings;
    private final Supplier<Duration> gatewayCpu;

    GatewayOverhead(Api api, BenchConfig config, FlightRecordings recordings, Supplier<Duration> gatewayCpu) {
        this.api = api;
        this.config = config;
        this.recordings = recordings;
        this.gatewayCpu = gatewayCpu;
    }

    void measure(Report report) {
        List<String> users = api.accounts().searchers();
        for (int concurrency : List.of(1, 32)) {
            api.accounts().warm(users);
            LoadRun.Stats direct = LoadRun.run(api.http(), concurrency, 50, config.trivialRequests(), Duration.ofSeconds(20),
                    trivial(Bench.DOCUMENT_SERVICE, users));
            LoadRun.Stats gateway = LoadRun.run(api.http(), concurrency, 50, config.trivialRequests(), Duration.ofSeconds(20),
                    trivial(api.base(), users));
            double overhead = gateway.p50() - direct.p50();
            String who = concurrency + (concurrency == 1 ? " user" : " users");
            report.add("gateway.p50." + concurrency, "gateway overhead, trivial endpoint p50, " + who, gateway.p50(), "ms",
                    "document-service direct", direct.p50(), concurrency == 32 ? "≤ +2 ms p50 at 32 users" : null,
                    concurrency == 32 ? overhead <= 2 : null, "+" + Report.round(overhead) + " ms; p99 "
                            + Report.round(gateway.p99()) + " vs " + Report.round(direct.p99()) + " ms; "
                            + gateway.throttled() + " × 429");
        }
        measurePaced(report, users);
    }

    /**
     * The closed loop above keeps both cores busy, so its p50 is mostly waiting for the CPU. Here the same 32 users
     * each send a request every {@link #PACE} (320 requests/s in all, well under what the gateway carries): what a
     * request pays for passing the gateway when the machine is not saturated.
     */
    private void measurePaced(Report report, List<String> users) {
        int concurrency = 32;
        api.accounts().warm(users);
        LoadRun.Stats direct = LoadRun.paced(api.http(), concurrency, 50, PACE, config.trivialRequests(),
                Duration.ofSeconds(20), trivial(Bench.DOCUMENT_SERVICE, users));
        Duration cpuBefore = gatewayCpu.get();
        LoadRun.Stats gateway = recordings.around("gateway overhead paced", () -> LoadRun.paced(api.http(),
                concurrency, 50, PACE, config.trivialRequests(), Duration.ofSeconds(20), trivial(api.base(), users)));
        double cpuPerRequest = gatewayCpu.get().minus(cpuBefore).toNanos() / 1e6 / (gateway.requests() + 50);
        report.add("gateway.cpu.paced", "gateway CPU per proxied request at the paced load", cpuPerRequest, "ms", null,
                null, null, null, "process CPU time (user + system) of the gateway over the "
                        + (gateway.requests() + 50) + " requests of the paced load, its warm-up included");
        addPaced(report, gateway, direct);
    }

    /** The n-th request to the trivial endpoint at {@code base}, by the users in turn. */
    private IntFunction<HttpRequest> trivial(String base, List<String> users) {
        return n -> Bench.get(api, base, users.get(n % users.size()), TRIVIAL);
    }

    private static void addPaced(Report report, LoadRun.Stats gateway, LoadRun.Stats direct) {
        double overhead = gateway.p50() - direct.p50();
        report.add("gateway.p50.32.paced", "gateway overhead, trivial endpoint p50, 32 users each sending every "
                        + PACE.toMillis() + " ms", gateway.p50(), "ms", "document-service direct", direct.p50(),
                "≤ +2 ms p50 at 32 users", overhead <= 2, "+" + Report.round(overhead) + " ms; p99 "
                        + Report.round(gateway.p99()) + " vs " + Report.round(direct.p99()) + " ms; "
                        + Report.round(gateway.throughput()) + " req/s; " + gateway.throttled() + " × 429");
    }
}
