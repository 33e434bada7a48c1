package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import ru.school500.gateway.security.RecentlyVerifiedTokens;
import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * API calls through a real gateway (Netty, Redis): a service that is busy is not a service that is down — many
 * searches in flight at once all wait for their answers (no concurrency cap in front of the circuit breaker
 * refuses the surplus), while a service that refuses connections still opens the breaker; and a call with a
 * bearer token costs no session and no CSRF token.
 */
class ApiRoutingIT {

    /** More than Resilience4j's default bulkhead (25 calls, no waiting) that used to sit in front of each breaker. */
    private static final int IN_FLIGHT = 40;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestIssuer issuer;
    private static Upstream busy;
    private static Upstream idle;
    private static GatewayInstance gateway;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TestIssuer();
        busy = Upstream.holding();
        idle = new Upstream();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // search-service busy, roadmap-service down, document-service idle; the searches are held longer than the
        // search route's time limit may take to see all of them arrive on a loaded machine
        gateway = GatewayInstance.start(issuer, busy, Map.of("platform.services.roadmap", "http://127.0.0.1:" + closedPort,
                "platform.services.document", idle.url(), "resilience4j.timelimiter.instances.search.timeout-duration", "60s"));
    }

    @AfterAll
    static void stop() {
        busy.release();
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, busy, idle, issuer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the next one still closes
            }
        }
    }

    private static HttpRequest get(String path, int user) {
        return HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .header("Authorization", issuer.bearer("kir-school-busy-" + user)).timeout(Duration.ofSeconds(20))
                .build();
    }

    private static HttpRequest search(int user) {
        return get("/api/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0", user);
    }

    @Test
    void searchesWaitingOnABusyServiceAllGetTheirAnswersAndTheBreakerStaysClosed() {
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, IN_FLIGHT)
                .mapToObj(user -> HTTP.sendAsync(search(user), HttpResponse.BodyHandlers.ofString()))
                .toList();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(busy.received()).isEqualTo(IN_FLIGHT));
        assertThat(answers).noneMatch(CompletableFuture::isDone);
        busy.release();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(200));
        assertThat(gateway.bean(CircuitBreakerRegistry.class).circuitBreaker("search").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServiceThatRefusesConnectionsOpensItsBreaker() throws Exception {
        CircuitBreaker breaker = gateway.bean(CircuitBreakerRegistry.class).circuitBreaker("roadmaps");
        for (int call = 0; call < 20 && breaker.getState() == CircuitBreaker.State.CLOSED; call++) {
            HttpResponse<String> answer = HTTP.send(get("/api/roadmaps", call), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        HttpResponse<String> refused = HTTP.send(get("/api/roadmaps", 99), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aCallWithABearerTokenGetsNeitherASessionNorACsrfCookieAndLeavesNoSessionInRedis() throws Exception {
        ReactiveStringRedisTemplate redis = gateway.bean(ReactiveStringRedisTemplate.class);
        String sessions = "school500:gateway:session:sessions:*";
        Long before = redis.keys(sessions).count().block();
        for (int call = 0; call < 3; call++) {
            HttpResponse<String> answer = HTTP.send(get("/api/documents/practices/directions", 100 + call),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(redis.keys(sessions).count().block()).isEqualTo(before);
    }

    @Test
    void aTokenAcceptedBeforeDoesNotMakeItsTamperedCopyAccepted() throws Exception {
        String bearer = issuer.bearer("kir-school-tamper");
        int signatureChar = bearer.length() - 2;
        String tampered = bearer.substring(0, signatureChar) + (bearer.charAt(signatureChar) == 'A' ? 'B' : 'A')
                + bearer.substring(signatureChar + 1);

        assertThat(directionsWith(bearer)).isEqualTo(200);
        assertThat(directionsWith(bearer)).isEqualTo(200);
        assertThat(directionsWith(tampered)).isEqualTo(401);
        assertThat(directionsWith(bearer)).isEqualTo(200);
        assertThat(gateway.bean(ReactiveJwtDecoder.class)).isInstanceOf(RecentlyVerifiedTokens.class);
    }

    private static int directionsWith(String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/documents/practices/directions")))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
