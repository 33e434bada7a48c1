package ru.school500.documentservice.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test users with tokens shaped like the realm's: {@code realm_access.roles}, {@code region},
 * {@code municipality}, {@code school} (a list for curators), {@code preferred_username}; authorities come
 * from the service's own converter, as in production.
 */
public final class Users {

    private Users() {
    }

    /** A test user's token claims, for MockMvc ({@link #user}) and for real signed tokens alike. */
    public record TestUser(String username, String role, String region, String municipality, Object school) {

        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", "sub-" + username);
            claims.put("preferred_username", username);
            claims.put("realm_access", Map.of("roles", List.of(role)));
            claims.put("aud", List.of("school500-api"));
            if (region != null) {
                claims.put("region", region);
            }
            if (municipality != null) {
                claims.put("municipality", municipality);
            }
            if (school != null) {
                claims.put("school", school);
            }
            return claims;
        }
    }

    public static final TestUser KIR_SCHOOL1 = new TestUser("kir-school1", "school", "43", "43-01", "43-01-001");
    public static final TestUser KIR_OPERATOR = new TestUser("kir-operator", "regional-operator", "43", null, null);
    public static final TestUser KIR_MINISTRY = new TestUser("kir-ministry", "regional-ministry", "43", null, null);

    public static RequestPostProcessor user(String username, String role, String region, String municipality,
            Object school) {
        Map<String, Object> claims = new TestUser(username, role, region, municipality, school).claims();
        return jwt().jwt(builder -> builder.claims(c -> c.putAll(claims)))
                .authorities(new SecurityConfig.RealmRolesConverter());
    }

    public static RequestPostProcessor fedAnalyst() {
        return user("fed-analyst", "federal-analyst", null, null, null);
    }

    public static RequestPostProcessor kirOperator() {
        return user("kir-operator", "regional-operator", "43", null, null);
    }

    public static RequestPostProcessor kirMinistry() {
        return user("kir-ministry", "regional-ministry", "43", null, null);
    }

    public static RequestPostProcessor kirSchool1() {
        return user("kir-school1", "school", "43", "43-01", "43-01-001");
    }

    public static RequestPostProcessor kirSchool2() {
        return user("kir-school2", "school", "43", "43-02", "43-02-001");
    }

    public static RequestPostProcessor kirCurator() {
        return user("kir-curator", "curator", "43", "43-01", List.of("43-01-001", "43-01-002"));
    }

    public static RequestPostProcessor kirMunicipal() {
        return user("kir-municipal", "municipal-coordinator", "43", "43-01", null);
    }

    public static RequestPostProcessor kirOtherMunicipal() {
        return user("kir-municipal2", "municipal-coordinator", "43", "43-02", null);
    }

    public static RequestPostProcessor irkOperator() {
        return user("irk-operator", "regional-operator", "38", null, null);
    }

    public static RequestPostProcessor irkMinistry() {
        return user("irk-ministry", "regional-ministry", "38", null, null);
    }

    public static RequestPostProcessor irkSchool1() {
        return user("irk-school1", "school", "38", "38-01", "38-01-001");
    }

    public static RequestPostProcessor indexer() {
        return user("service-account-search-indexer", "indexer", null, null, null);
    }
}
