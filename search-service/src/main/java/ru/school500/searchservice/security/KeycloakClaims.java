package ru.school500.searchservice.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads Keycloak's claim shapes: attributes may arrive as a string or a list. */
final class KeycloakClaims {

    private KeycloakClaims() {
    }

    static String single(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : String.valueOf(value);
    }

    /** A claim that may hold several values (a curator's {@code school}): a list, or one string. */
    static List<String> list(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null && !String.valueOf(v).isBlank()).map(String::valueOf)
                    .toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value));
    }

    static List<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
