package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * The browser session is in Redis, not in the gateway's memory: a login begun before the gateway's application
 * context is restarted is completed after it with the same {@code SESSION} cookie — the restarted gateway
 * finds the saved authorization request (state and PKCE verifier) and exchanges the code for it. With a
 * cookie Redis does not know, nothing is exchanged. (The whole login against Keycloak, and the token relay
 * after a restart, are in deploy/e2e's {@code GatewayRestartIT}.)
 */
class SessionInRedisIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestIssuer issuer;
    private static Upstream upstream;

    @BeforeAll
    static void start() {
        issuer = new TestIssuer();
        upstream = new Upstream();
    }

    @AfterAll
    static void stop() {
        upstream.close();
        issuer.close();
    }

    @Test
    void aLoginBegunBeforeARestartIsCompletedAfterItWithTheSameSessionCookie() throws Exception {
        // the same address before and after: the callback must come back to the redirect_uri of the login
        Map<String, Object> samePort = Map.of("server.port", freePort());
        String session;
        Map<String, String> authorization;
        try (GatewayInstance before = GatewayInstance.start(issuer, upstream, samePort)) {
            HttpResponse<Void> login = get(before.url("/oauth2/authorization/keycloak"), null);
            assertThat(login.statusCode()).isEqualTo(302);
            session = sessionCookie(login);
            URI keycloak = URI.create(login.headers().firstValue("Location").orElseThrow());
            assertThat(keycloak.toString()).startsWith(issuer.base() + "/auth");
            authorization = query(keycloak);
        }

        try (GatewayInstance after = GatewayInstance.start(issuer, upstream, samePort)) {
            String code = "code-" + UUID.randomUUID();
            issuer.tokenRequests().clear();
            HttpResponse<Void> callback = get(after.url("/login/oauth2/code/keycloak?code=" + code + "&state="
                    + encode(authorization.get("state"))), session);
            assertThat(callback.statusCode()).isEqualTo(302);

            assertThat(issuer.tokenRequests()).as("the restarted gateway exchanged the code of the saved login")
                    .hasSize(1);
            Map<String, String> exchange = issuer.tokenRequests().peek();
            assertThat(exchange).containsEntry("grant_type", "authorization_code").containsEntry("code", code)
                    .containsEntry("redirect_uri", authorization.get("redirect_uri"));
            assertThat(s256(exchange.get("code_verifier"))).as("the PKCE verifier created before the restart")
                    .isEqualTo(authorization.get("code_challenge"));

            issuer.tokenRequests().clear();
            HttpResponse<Void> unknown = get(after.url("/login/oauth2/code/keycloak?code=" + code + "&state="
                    + encode(authorization.get("state"))), "SESSION=" + UUID.randomUUID());
            assertThat(unknown.statusCode()).isEqualTo(302);
            assertThat(issuer.tokenRequests()).as("no saved login for a session Redis does not hold").isEmpty();
        }
    }

    private static HttpResponse<Void> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> cookie.getName().equals("SESSION")).map(cookie -> "SESSION=" + cookie.getValue())
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
