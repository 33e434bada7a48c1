package ru.school500.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * Two gateway instances on one real Redis, as behind a Kubernetes Service: a user's requests draw from one
 * bucket whichever instance serves them; anonymous callers are limited per client address, taken from
 * {@code X-Forwarded-For} only as the trusted proxy (here 127.0.0.1, playing the Ingress) appended it.
 */
class SharedRateLimitIT {

    private static final int BURST = 10;
    private static final int PER_SECOND = 1;
    private static final int REQUESTS = 4 * BURST;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestIssuer issuer;
    private static Upstream upstream;
    private static GatewayInstance first;
    private static GatewayInstance second;

    @BeforeAll
    static void startTwoGateways() {
        issuer = new TestIssuer();
        upstream = new Upstream();
        Map<String, Object> limits = Map.of("platform.rate-limit.replenish-per-second", PER_SECOND,
                "platform.rate-limit.burst", BURST, "platform.rate-limit.trusted-proxies", "127.0.0.1/32",
                // as deployed (public scheme and host from the Ingress): the limiter must not take its rewritten address
                "server.forward-headers-strategy", "framework");
        first = GatewayInstance.start(issuer, upstream, limits);
        second = GatewayInstance.start(issuer, upstream, limits);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        upstream.close();
        issuer.close();
    }

    /** What passed of {@code REQUESTS} sent back to back, and how long that took. */
    private record Outcome(int passed, int refused, Duration took) {

        /** Passed at most what one bucket holds plus what it refilled meanwhile (and one for rounding). */
        boolean withinOneBucket() {
            return passed <= BURST + PER_SECOND * (took.toMillis() / 1000 + 1);
        }
    }

    private static Outcome send(Function<Integer, HttpRequest> request) throws Exception {
        long start = System.nanoTime();
        int passed = 0;
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            int status = HTTP.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                passed++;
            } else {
                assertThat(status).as("request %d", i).isEqualTo(429);
                refused++;
            }
        }
        return new Outcome(passed, refused, Duration.ofNanos(System.nanoTime() - start));
    }

    private static HttpRequest.Builder search(GatewayInstance gateway) {
        return HttpRequest.newBuilder(URI.create(gateway.url("/api/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0")))
                .timeout(Duration.ofSeconds(10));
    }

    @Test
    void oneUsersRequestsSpreadOverTwoGatewayInstancesShareOneLimit() throws Exception {
        String user = issuer.bearer("kir-school-" + UUID.randomUUID());
        Outcome outcome = send(i -> search(i % 2 == 0 ? first : second).header("Authorization", user).build());

        // two separate buckets would have let at least 2 × BURST through
        assertThat(outcome.passed()).isGreaterThanOrEqualTo(BURST);
        assertThat(outcome.withinOneBucket()).as("%s", outcome).isTrue();

        String otherUser = issuer.bearer("irk-school-" + UUID.randomUUID());
        assertThat(HTTP.send(search(second).header("Authorization", otherUser).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    @Test
    void theRefusalIsAProblemInRussianWithRetryAfterAndTheCallerMayGoOnAfterIt() throws Exception {
        String user = issuer.bearer("kir-curator-" + UUID.randomUUID());
        HttpResponse<String> refused = null;
        for (int i = 0; i < REQUESTS && refused == null; i++) {
            HttpResponse<String> response = HTTP.send(search(first).header("Authorization", user).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("a 429 within %d requests", REQUESTS).isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.body()).contains("\"status\":429", "\"title\":\"Слишком много запросов\"",
                "Превышен предел частоты запросов. Повторите через " + retryAfter + " с.");

        // refused requests take no tokens: polling shows when the bucket lets the caller in again
        long refusedAt = System.nanoTime();
        Duration deadline = Duration.ofSeconds(retryAfter + 3);
        int status = 429;
        while (status == 429 && Duration.ofNanos(System.nanoTime() - refusedAt).compareTo(deadline) < 0) {
            Thread.sleep(100);
            status = HTTP.send(search(second).header("Authorization", user).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isLessThan(Duration.ofSeconds(retryAfter + 1));
    }

    @Test
    void anonymousCallersBehindTheIngressAreLimitedPerClientAddress() throws Exception {
        String client = "203.0.113." + (10 + (int) (Math.random() * 200));
        // the client may write its own X-Forwarded-For: only the entry the proxy appended counts
        Outcome outcome = send(i -> search(i % 2 == 0 ? first : second)
                .header("X-Forwarded-For", "198.51.100." + i + ", " + client).build());

        assertThat(outcome.refused()).isPositive();
        assertThat(outcome.withinOneBucket()).as("%s", outcome).isTrue();

        String neighbour = "2001:db8::" + Integer.toHexString(1 + (int) (Math.random() * 0xfff));
        assertThat(HTTP.send(search(first).header("X-Forwarded-For", neighbour).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }
}
