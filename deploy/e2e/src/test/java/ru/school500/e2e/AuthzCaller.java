package ru.school500.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** A caller of the authorization matrix: a demo user with its real token and the claims in it, or anonymous. */
record AuthzCaller(String name, String token, Set<String> roles, String region, String municipality,
        List<String> schools) {

    /** The demo users of README / docs/conventions.md (realm deploy/keycloak), and anonymous. */
    static final List<String> DEMO_USERS = List.of("fed-analyst", "irk-operator", "irk-ministry", "irk-school1",
            "kir-operator", "kir-ministry", "kir-school1", "kir-curator", "kir-municipal");

    static final AuthzCaller ANONYMOUS = new AuthzCaller("anonymous", null, Set.of(), null, null, List.of());

    static AuthzCaller of(String user) {
        return fromClaims(user, Keycloak.token(user));
    }

    static AuthzCaller fromClaims(String user, String token) {
        JsonNode claims = Keycloak.claims(token);
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        List<String> schools = new ArrayList<>();
        JsonNode school = claims.path("school");
        if (school.isArray()) {
            school.forEach(s -> schools.add(s.asString()));
        } else if (school.isString()) {
            schools.add(school.asString());
        }
        return new AuthzCaller(user, token, Set.copyOf(roles), text(claims, "region"), text(claims, "municipality"),
                List.copyOf(schools));
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        return value.isString() ? value.asString() : null;
    }

    boolean isAnonymous() {
        return token == null;
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /** Any role below the federal level, in the caller's region. */
    boolean hasRegionalRole() {
        return region != null && roles.stream().anyMatch(role -> List.of("regional-operator", "regional-ministry",
                "municipal-coordinator", "curator", "school").contains(role));
    }

    String school() {
        return schools.isEmpty() ? null : schools.getFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
