package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * With the session store (Redis) down — nothing listening — or stalled — connected, never answering — a person's
 * browser is told that the platform is briefly unavailable: 503 with Retry-After, the page with «Повторить» that
 * also reloads itself after those 5 s unless the reader stops it (error-page.js), and
 * problem+json for the web UI's own calls, instead of «Ошибка 500». A caller with a bearer token needs no session
 * and is still served.
 */
class SessionStoreOutageIT {

    /** A session cookie the store would be asked about, were it there. */
    private static final String SESSION = "SESSION=c2Vzc2lvbg";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestIssuer issuer;
    private static Upstream upstream;
    private static ServerSocket silentRedis;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private static GatewayInstance down;
    private static GatewayInstance stalled;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TestIssuer();
        upstream = new Upstream();
        int nothingListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListening = socket.getLocalPort();
        }
        silentRedis = new ServerSocket(0);
        Thread.ofVirtual().start(SessionStoreOutageIT::acceptAndSayNothing);
        down = GatewayInstance.start(issuer, upstream, redisAt(nothingListening));
        stalled = GatewayInstance.start(issuer, upstream, redisAt(silentRedis.getLocalPort()));
    }

    private static Map<String, Object> redisAt(int port) {
        return Map.of("spring.data.redis.port", port, "spring.data.redis.connect-timeout", "500ms",
                "spring.data.redis.timeout", "1s");
    }

    private static void acceptAndSayNothing() {
        while (!silentRedis.isClosed()) {
            try {
                held.add(silentRedis.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        for (GatewayInstance gateway : new GatewayInstance[] { down, stalled }) {
            if (gateway != null) {
                gateway.close();
            }
        }
        silentRedis.close();
        for (Socket socket : held) {
            socket.close();
        }
        upstream.close();
        issuer.close();
    }

    @ParameterizedTest(name = "session store {0}")
    @ValueSource(strings = { "down", "stalled" })
    void aPageAsksToTryAgainInsteadOfShowingAnInternalError(String state) throws Exception {
        HttpResponse<String> page = get(state, "/roadmaps", "text/html,application/xhtml+xml", "Cookie", SESSION);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.body()).contains("Платформа временно недоступна").contains("Повторить")
                .doesNotContain("Ошибка 500");
        assertThat(page.body()).as("the page tries again by itself after the Retry-After, unless stopped")
                .contains("id=\"auto-retry\" data-seconds=\"5\"").contains("Не обновлять");
    }

    @ParameterizedTest(name = "session store {0}")
    @ValueSource(strings = { "down", "stalled" })
    void theWebUisOwnCallIsAProblemWithRetryAfter(String state) throws Exception {
        HttpResponse<String> call = get(state, "/api/roadmaps", "application/json", "Cookie", SESSION);

        assertThat(call.statusCode()).as(call.body()).isEqualTo(503);
        assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(call.body()).contains("\"status\":503").contains("Платформа временно недоступна");
    }

    @ParameterizedTest(name = "session store {0}")
    @ValueSource(strings = { "down", "stalled" })
    void aCallWithABearerTokenNeedsNoSessionAndIsServed(String state) throws Exception {
        HttpResponse<String> call = get(state, "/api/roadmaps", "application/json", "Authorization",
                issuer.bearer("kir-school1"));

        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
    }

    /** A GET to the gateway with the session store {@code state}, with one credential header. */
    private static HttpResponse<String> get(String state, String path, String accept, String header, String value)
            throws Exception {
        GatewayInstance gateway = state.equals("down") ? down : stalled;
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(20))
                .header("Accept", accept).header(header, value).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
