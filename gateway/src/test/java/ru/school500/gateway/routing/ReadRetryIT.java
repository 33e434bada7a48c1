package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * Which failed readings the gateway repeats once: a broken hop (502, 504, no connection) may go well on the next
 * try or the next instance, so it is repeated; a service that says it is overloaded (503 with Retry-After) or
 * failed on the request itself (500) is answered as it said, since repeating it at once only adds load.
 */
class ReadRetryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestIssuer issuer;
    private static Upstream overloaded;
    private static Upstream badHop;
    private static Upstream failing;
    private static GatewayInstance gateway;

    @BeforeAll
    static void start() {
        issuer = new TestIssuer();
        overloaded = Upstream.answering(503, 200);
        badHop = Upstream.answering(502, 200);
        failing = Upstream.answering(500, 200);
        gateway = GatewayInstance.start(issuer, overloaded, Map.of("platform.services.roadmap", badHop.url(),
                "platform.services.document", failing.url()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, overloaded, badHop, failing, issuer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the next one still closes
            }
        }
    }

    @Test
    void anOverloadedServicesAnswerReachesTheCallerWithItsRetryAfterAndIsNotRepeated() throws Exception {
        HttpResponse<String> answer = get("/api/search?q=school");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(overloaded.received()).isEqualTo(1);
    }

    @Test
    void aBadGatewayIsRepeatedOnce() throws Exception {
        HttpResponse<String> answer = get("/api/roadmaps");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(badHop.received()).isEqualTo(2);
    }

    @Test
    void anInternalErrorOfTheServiceIsNotRepeated() throws Exception {
        HttpResponse<String> answer = get("/api/documents/practices/directions");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(failing.received()).isEqualTo(1);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .header("Authorization", issuer.bearer("kir-school-retry")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
