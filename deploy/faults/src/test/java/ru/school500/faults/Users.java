package ru.school500.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the demo users (password grant of the local realm's public client {@code school500-cli}),
 * kept for two minutes of their five: a scenario that stops Keycloak takes {@link #refreshAll fresh ones}
 * first and goes on with them, as a client holding a valid token would.
 */
final class Users {

    static final String SCHOOL = "kir-school1";
    static final String OPERATOR = "kir-operator";
    static final String ANALYST = "fed-analyst";
    private static final Duration REUSE = Duration.ofSeconds(120);

    private record Cached(String token, Instant fetched) {
    }

    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private volatile boolean frozen;

    String token(String username) {
        Cached cached = tokens.get(username);
        if (cached != null && (frozen || cached.fetched().plus(REUSE).isAfter(Instant.now()))) {
            return cached.token();
        }
        Api.Answer answer = Api.token(Map.of("grant_type", "password", "client_id", "school500-cli",
                "username", username, "password", "demo"));
        if (answer.status() != 200) {
            if (cached != null) {
                return cached.token();
            }
            throw new IllegalStateException("no token for " + username + ": " + answer.status() + " " + answer.body());
        }
        String token = answer.json().get("access_token").asString();
        tokens.put(username, new Cached(token, Instant.now()));
        return token;
    }

    /** Fresh tokens for every user seen so far, then no more renewals until {@link #thaw()}. */
    void refreshAll() {
        tokens.keySet().forEach(user -> tokens.remove(user));
        for (String user : new String[] { SCHOOL, OPERATOR, ANALYST }) {
            token(user);
        }
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }
}
