package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a real Netty server (random port): headers beyond {@code server.max-http-request-header-size}
 * are a 431 and a body beyond {@code platform.request-limits.max-body-size} a 413, both problem+json with a
 * Russian detail, decided before authentication and before any service is called; file uploads are not
 * counted against the body limit. Keycloak is replaced by an OpenID discovery document served here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsIT {

    private static final HttpServer ISSUER = issuer();
    private static final long OVER_BODY_LIMIT = 11L * 1024 * 1024;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("platform.keycloak.issuer", RequestLimitsIT::issuerUri);
        // no service runs: a request that got past the limits would end as 503, never 413/431
        registry.add("platform.services.roadmap", () -> "http://127.0.0.1:9");
        registry.add("platform.services.document", () -> "http://127.0.0.1:9");
        registry.add("platform.services.search", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void headersBeyondTheLimitAreA431Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/search?q=школа"))
                .header("X-Padding", "x".repeat(20 * 1024)).GET().build(), BodyHandlers.ofString());

        assertRussianProblem(response, 431);
    }

    @Test
    void headersWithinTheLimitPass() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/roadmaps"))
                .header("X-Padding", "x".repeat(12 * 1024)).GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isNotIn(431, 413);
    }

    @Test
    void aNonUploadBodyBeyondTheLimitIsA413ProblemBeforeAuthentication() throws Exception {
        for (String path : new String[] {"/api/roadmaps/1", "/api/search", "/api/comparison"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path))
                    .header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofByteArray(new byte[(int) OVER_BODY_LIMIT])).build(), BodyHandlers.ofString());

            assertRussianProblem(response, 413);
            assertThat(json(response).path("detail").asString()).contains("10 МБ");
        }
    }

    @Test
    void uploadsAreNotCountedAgainstTheBodyLimit() throws Exception {
        for (String path : new String[] {"/api/documents", "/api/documents/1/versions", "/api/roadmaps/import"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(BodyPublishers.ofByteArray(new byte[(int) OVER_BODY_LIMIT])).build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path + " reaches authentication").isEqualTo(401);
        }
    }

    private void assertRussianProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).containsPattern("[А-Яа-я]");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path.replace("школа", "%D1%88%D0%BA%D0%BE%D0%BB%D0%B0"));
    }

    private static String issuerUri() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/test";
    }

    /** Just enough of Keycloak for the gateway to start: the discovery document and an empty key set. */
    private static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
                String issuer = issuerUri();
                byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                        + "/protocol/openid-connect/auth\",\"token_endpoint\":\"" + issuer
                        + "/protocol/openid-connect/token\",\"jwks_uri\":\"" + issuer
                        + "/protocol/openid-connect/certs\",\"end_session_endpoint\":\"" + issuer
                        + "/protocol/openid-connect/logout\",\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> {
                byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
