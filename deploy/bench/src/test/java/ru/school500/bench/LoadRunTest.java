package ru.school500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The paced load against a real HTTP server on 127.0.0.1 whose answers take a chosen time. */
class LoadRunTest {

    private final AtomicInteger answerMillis = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(answerMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
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

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).GET().build();
    }
}
