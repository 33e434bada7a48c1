package ru.school500.roadmapservice.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo users of docs/conventions.md as access-token claims shaped like Keycloak's ({@code realm_access.roles},
 * {@code region}, {@code preferred_username}), from {@code test-users.json}. Roles become authorities through
 * the same converter as in production.
 */
public final class TestUsers {

    private static final Map<String, Map<String, Object>> CLAIMS = load();

    private TestUsers() {
    }

    /** A bearer-token request post-processor for the named demo user; its token value is "token-of-" + name. */
    public static RequestPostProcessor user(String name) {
        Map<String, Object> claims = CLAIMS.get(name);
        if (claims == null) {
            throw new IllegalArgumentException("no test user " + name);
        }
        return jwt().jwt(token -> {
            token.tokenValue("token-of-" + name);
            token.claims(all -> all.putAll(claims));
            token.claim("iss", "http://127.0.0.1:8180/realms/school500");
            token.claim("aud", "school500-api");
        }).authorities(new SecurityConfig.RealmRolesConverter());
    }

    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = TestUsers.class.getResourceAsStream("/test-users.json")) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
