package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Mono;

class LoginAvailabilityTest {

    @Test
    void aLoginWhileKeycloakDoesNotAnswerGetsTheRussianPageWith503() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        LoginAvailability filter = new LoginAvailability("http://127.0.0.1:" + closed + "/realms/school500");
        AtomicBoolean passedOn = new AtomicBoolean();
        MockServerWebExchange login = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak"));

        filter.filter(login, exchange -> Mono.fromRunnable(() -> passedOn.set(true))).block(Duration.ofSeconds(5));

        assertThat(passedOn).isFalse();
        assertThat(login.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(login.getResponse().getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(login.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(login.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("Вход временно недоступен");
    }

    @Test
    void otherPathsAreNotProbedAndALoginGoesOnWhenKeycloakAnswers() throws Exception {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/school500/.well-known/openid-configuration", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        try {
            LoginAvailability filter = new LoginAvailability(
                    "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/school500");
            for (String path : new String[] { "/oauth2/authorization/keycloak", "/api/roadmaps", "/registry" }) {
                AtomicBoolean passedOn = new AtomicBoolean();
                MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
                filter.filter(exchange, e -> Mono.fromRunnable(() -> passedOn.set(true))).block(Duration.ofSeconds(5));
                assertThat(passedOn).as(path).isTrue();
            }
        } finally {
            keycloak.stop(0);
        }
    }
}
