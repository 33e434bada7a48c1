package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's whole security chain in its application context (no Keycloak: the provider's endpoints are
 * given instead of discovered, and nothing here reaches them): which paths are public, which send a browser to
 * the login and an API client a 401, CSRF on session-cookie writes, and the Content-Security-Policy header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.security.oauth2.client.provider.keycloak.issuer-uri=",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=http://127.0.0.1:1/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:1/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=http://127.0.0.1:1/certs",
        "spring.security.oauth2.client.provider.keycloak.user-info-uri=http://127.0.0.1:1/userinfo",
        "logging.level.root=WARN" })
class SecurityConfigTest {

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
    void everyAnswerCarriesTheContentSecurityPolicy() {
        client.get().uri("/registry").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", browser.contentSecurityPolicy());
        client.get().uri("/roadmaps/import").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", browser.contentSecurityPolicy());
        assertThat(browser.contentSecurityPolicy()).contains("script-src 'self'").doesNotContain("unsafe-eval");
    }
}
