package ru.school500.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's own Keycloak users, added to the local realm at run time through Keycloak's admin API
 * ({@code partialImport}, existing users skipped), so the realm file and the demo users stay as they are. Per
 * region: an operator, a ministry user and a school; one federal analyst. Tokens come by the password grant of
 * {@code school500-cli} like any script's, cached well inside their lifetime.
 * <p>
 * The gateway's rate limit (per user) stays on: load is spread over all region accounts in turn, so no single
 * account comes near its share (see {@link #searchers()}).
 */
final class Accounts {

    static final String PASSWORD = "bench-secret";
    static final String FEDERAL = "bench-fed";
    private static final Duration REUSE = Duration.ofSeconds(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Token(String value, Instant fetched) {
    }

    private final String keycloak;
    private final List<Corpus.Region> regions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Accounts(String keycloakUrl, List<Corpus.Region> regions) {
        this.keycloak = keycloakUrl;
        this.regions = regions;
    }

    static String operator(Corpus.Region region) {
        return "bench-op-" + region.code();
    }

    static String ministry(Corpus.Region region) {
        return "bench-min-" + region.code();
    }

    static String school(Corpus.Region region) {
        return "bench-school-" + region.code();
    }

    static String schoolCode(Corpus.Region region) {
        return region.code() + "-01-001";
    }

    /** Accounts that search: every region's school and operator. */
    List<String> searchers() {
        List<String> users = new ArrayList<>();
        for (Corpus.Region region : regions) {
            users.add(school(region));
            users.add(operator(region));
        }
        return users;
    }

    void create() {
        List<Map<String, Object>> users = new ArrayList<>();
        users.add(user(FEDERAL, "federal-analyst", Map.of()));
        for (Corpus.Region region : regions) {
            users.add(user(operator(region), "regional-operator", Map.of("region", List.of(region.code()))));
            users.add(user(ministry(region), "regional-ministry", Map.of("region", List.of(region.code()))));
            users.add(user(school(region), "school", Map.of("region", List.of(region.code()),
                    "municipality", List.of(region.code() + "-01"), "school", List.of(schoolCode(region)))));
        }
        String admin = adminToken();
        Map<String, Object> body = Map.of("ifResourceExists", "SKIP", "users", users);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/school500/partialImport"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bench users: partialImport answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static Map<String, Object> user(String name, String role, Map<String, List<String>> attributes) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", "Нагрузка");
        user.put("lastName", name);
        user.put("email", name + "@bench.school500.local");
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        user.put("realmRoles", List.of(role));
        user.put("attributes", attributes);
        return user;
    }

    private String adminToken() {
        return grant(keycloak + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    String token(String user) {
        Token cached = tokens.get(user);
        if (cached != null && cached.fetched().plus(REUSE).isAfter(Instant.now())) {
            return cached.value();
        }
        String value = grant(keycloak + "/realms/school500/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "school500-cli", "username", user, "password", PASSWORD));
        tokens.put(user, new Token(value, Instant.now()));
        return value;
    }

    /**
     * Renews every listed account's token that is more than 90 s old, so no measurement (each well under the
     * reuse time) waits for Keycloak.
     */
    void warm(List<String> users) {
        Instant fresh = Instant.now().minusSeconds(90);
        users.parallelStream().forEach(user -> {
            Token cached = tokens.get(user);
            if (cached == null || cached.fetched().isBefore(fresh)) {
                tokens.remove(user);
                token(user);
            }
        });
    }

    private String grant(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token from " + url + " for " + form.get("username") + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode json = JSON.readTree(response.body());
        return json.path("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
