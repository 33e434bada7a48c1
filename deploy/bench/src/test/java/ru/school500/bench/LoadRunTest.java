package ru.school500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The loads against a real HTTP server on 127.0.0.1 whose answers take a chosen time; under {@code /busy/} it
 * refuses with 503 and {@code Retry-After} the requests it has not seen before, under {@code /closed} all of them.
 */
class LoadRunTest {

    private final AtomicInteger answerMillis = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Long> refusedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> repeatedAfter = new ConcurrentHashMap<>();
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/busy/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Long first = refusedAt.putIfAbsent(path, System.nanoTime());
            if (first == null) {
                refuse(exchange, "1");
            } else {
                repeatedAfter.put(path, System.nanoTime() - first);
                answer(exchange);
            }
        });
        server.createContext("/closed", exchange -> refuse(exchange, "1"));
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            try {
                Thread.sleep(answerMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange);
        });
        server.start();
    }

    private void refuse(HttpExchange exchange, String retryAfter) throws IOException {
        refused.incrementAndGet();
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        answered.incrementAndGet();
        exchange.sendResponseHeaders(200, 2);
        exchange.getResponseBody().write("ok".getBytes());
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachUserSendsAtItsPaceAndNoFaster() {
        LoadRun.Stats stats = LoadRun.paced(http, 2, 0, Duration.ofMillis(50), 1000, Duration.ofMillis(1000),
                n -> request());

        // two users, one request every 50 ms each, for one second: 40 requests, not the hundreds a closed loop sends
        assertThat(stats.requests()).isBetween(36L, 42L);
        assertThat(answered.get()).isEqualTo((int) stats.requests());
        assertThat(stats.errors()).isZero();
        assertThat(stats.p50()).isLessThan(50);
    }

    @Test
    void aLateRequestCountsFromWhenItWasDue() {
        answerMillis.set(200);

        LoadRun.Stats stats = LoadRun.paced(http, 1, 0, Duration.ofMillis(50), 6, Duration.ofSeconds(10), n -> request());

        // due at 0, 50, … 250 ms, answered at 200, 400, … 1200 ms: waits of 200, 350, … 950 ms
        assertThat(stats.requests()).isEqualTo(6);
        assertThat(stats.max()).isGreaterThanOrEqualTo(900);
        assertThat(stats.p50()).isGreaterThanOrEqualTo(450);
    }

    @Test
    void theClosedLoopSendsAsFastAsAnswersComeUntilItsRequestsAreDone() {
        LoadRun.Stats stats = LoadRun.run(http, 2, 5, 30, Duration.ofSeconds(10), n -> request());

        assertThat(stats.requests()).isEqualTo(30);
        assertThat(answered.get()).as("warm-up sent, not recorded").isEqualTo(35);
        assertThat(stats.seconds()).isLessThan(5);
    }

    @Test
    void aRefusedRequestIsSentAgainAfterItsRetryAfterAndCountsItsWait() {
        LoadRun.Stats stats = LoadRun.run(http, 2, 0, 6, Duration.ofSeconds(20), n -> request("/busy/" + n));

        assertThat(stats.requests()).isEqualTo(6);
        assertThat(refused.get()).isEqualTo(6);
        assertThat(stats.waited()).isEqualTo(6);
        assertThat(answered.get()).as("each sent again once, and answered").isEqualTo(6);
        assertThat(stats.errors()).as("only the answer a request ends with counts").isZero();
        assertThat(repeatedAfter.values()).hasSize(6).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(1_000_000_000L));
        assertThat(stats.p50()).as("the wait is part of the latency").isGreaterThanOrEqualTo(1000);
        // two users, three requests each, a second's wait for each: three seconds, not six nor one
        assertThat(stats.seconds()).isBetween(3.0, 5.0);
    }

    @Test
    void aRefusalWhoseWaitWouldOutlastTheRunEndsTheRequestAsAnError() {
        LoadRun.Stats stats = LoadRun.run(http, 1, 0, 1, Duration.ofMillis(2500), n -> request("/closed"));

        // sent at 0, again at 1 s and 2 s; the wait after the third would end past 2.5 s
        assertThat(refused.get()).isEqualTo(3);
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.waited()).isEqualTo(2);
        assertThat(stats.throttled()).as("503 is the service's refusal, not the rate limiter's").isZero();
        assertThat(stats.seconds()).isLessThan(3.5);
    }

    @Test
    void interleavedTargetsTakeTurnsAndEachGoesOnWithItsNextRequests() {
        List<LoadRun.Stats> stats = LoadRun.interleaved(http, 2, 4, 3, 30, Duration.ofSeconds(20),
                List.of(n -> request("/a/" + n), n -> request("/b/" + n)));

        assertThat(stats).extracting(LoadRun.Stats::requests).containsExactly(30L, 30L);
        List<String> targets = paths.stream().map(path -> path.substring(1, 2)).toList();
        int turns = 0;
        for (int i = 1; i < targets.size(); i++) {
            turns += targets.get(i).equals(targets.get(i - 1)) ? 0 : 1;
        }
        assertThat(turns).as("a, b, a, b, a, b").isEqualTo(5);
        assertThat(paths.stream().filter(path -> path.startsWith("/a/")).distinct().count())
                .as("warm-up once, then no request number twice").isEqualTo(34);
    }

    private HttpRequest request() {
        return request("/");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).GET().build();
    }
}
