package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import ru.school500.gateway.support.TestRedis;

/**
 * The gateway's whole security chain in its application context: which paths are public, which send a browser
 * to the login and an API client a 401, CSRF on session-cookie writes, and the Content-Security-Policy header.
 * Instead of Keycloak, a local server answers the OpenID discovery the client registration reads at start;
 * nothing here logs in or checks a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "logging.level.root=WARN")
class SecurityConfigTest {

    private static final HttpServer DISCOVERY = discovery();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("platform.keycloak.issuer", SecurityConfigTest::issuer);
        // the session store: a real redis-server, as in every gateway context
        registry.add("spring.data.redis.port", () -> TestRedis.get().port());
    }

    @AfterAll
    static void stopDiscovery() {
        DISCOVERY.stop(0);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    BrowserProperties browser;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToApplicationContext(context).configureClient().build();
    }

    @Test
    void theRegistryAndTheHealthProbeArePublic() {
        client.get().uri("/registry").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void aBrowserPageThatNeedsALoginSendsTheBrowserToKeycloak() {
        for (String page : new String[] { "/roadmaps/import", "/practices/new" }) {
            client.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, SecurityConfig.LOGIN_PATH);
        }
    }

    @Test
    void anApiWriteWithoutATokenIs401ProblemWithABearerChallenge() {
        client.post().uri("/api/roadmaps").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .containsPattern("\\p{IsCyrillic}"));
    }

    @Test
    void aWriteRidingOnTheSessionCookieWithoutTheCsrfTokenIsRefused() {
        client.post().uri("/api/roadmaps").cookie("SESSION", "a-session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPageGetsTheCsrfCookieItsScriptsSendBack() {
        client.get().uri("/registry").exchange().expectCookie().exists("XSRF-TOKEN");
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() {
        client.get().uri("/registry").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", browser.contentSecurityPolicy());
        client.get().uri("/roadmaps/import").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", browser.contentSecurityPolicy());
        assertThat(browser.contentSecurityPolicy()).contains("script-src 'self'").doesNotContain("unsafe-eval");
    }

    private static String issuer() {
        return "http://127.0.0.1:" + DISCOVERY.getAddress().getPort() + "/realms/test";
    }

    private static HttpServer discovery() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
                String base = issuer();
                byte[] body = ("{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/auth\","
                        + "\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/certs\","
                        + "\"userinfo_endpoint\":\"" + base + "/userinfo\",\"end_session_endpoint\":\"" + base
                        + "/logout\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":"
                        + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
