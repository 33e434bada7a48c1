package ru.school500.searchservice.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test users with tokens shaped like the realm's: {@code realm_access.roles}, {@code region},
 * {@code municipality}, {@code school} (lists where Keycloak may send lists), {@code preferred_username};
 * authorities come from the service's own converter, as in production. The same class, with the same
 * methods, in every service's tests; a token's value is {@code "token-of-" + username}.
 */
public final class Users {

    private Users() {
    }

    /** A test user's token claims, for MockMvc ({@link #token}) and for real signed tokens alike. */
    public record TestUser(String username, String role, Object region, String municipality, Object school) {

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

        public RequestPostProcessor token() {
            Map<String, Object> claims = claims();
            return jwt().jwt(builder -> builder.tokenValue("token-of-" + username).claims(c -> c.putAll(claims))
                    .issuer("http://127.0.0.1:8180/realms/school500"))
                    .authorities(new SecurityConfig.RealmRolesConverter());
        }
    }

    public static final TestUser FED_ANALYST = new TestUser("fed-analyst", "federal-analyst", null, null, null);
    public static final TestUser KIR_OPERATOR = new TestUser("kir-operator", "regional-operator", "43", null, null);
    public static final TestUser KIR_SCHOOL1 = new TestUser("kir-school1", "school", "43", "43-01", "43-01-001");
    public static final TestUser KIR_CURATOR = new TestUser("kir-curator", "curator", "43", "43-01",
            List.of("43-01-001"));
    public static final TestUser IRK_OPERATOR = new TestUser("irk-operator", "regional-operator", "38", null, null);
    public static final TestUser IRK_MINISTRY = new TestUser("irk-ministry", "regional-ministry", "38", null, null);
    public static final TestUser IRK_SCHOOL1 = new TestUser("irk-school1", "school", "38", "38-01", "38-01-001");
    public static final TestUser INDEXER = new TestUser("service-account-search-indexer", "indexer", null, null, null);

    private static final Map<String, TestUser> BY_NAME = Stream.of(FED_ANALYST, KIR_OPERATOR, KIR_SCHOOL1,
            KIR_CURATOR, IRK_OPERATOR, IRK_MINISTRY, IRK_SCHOOL1, INDEXER)
            .collect(Collectors.toUnmodifiableMap(TestUser::username, Function.identity()));

    /** The test user of that username, for tests that take users as parameters. */
    public static RequestPostProcessor named(String username) {
        TestUser user = BY_NAME.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no test user " + username);
        }
        return user.token();
    }

    public static RequestPostProcessor user(String username, String role, Object region, String municipality,
            Object school) {
        return new TestUser(username, role, region, municipality, school).token();
    }

    public static RequestPostProcessor fedAnalyst() {
        return FED_ANALYST.token();
    }

    public static RequestPostProcessor kirOperator() {
        return KIR_OPERATOR.token();
    }

    public static RequestPostProcessor kirSchool1() {
        return KIR_SCHOOL1.token();
    }

    public static RequestPostProcessor kirCurator() {
        return KIR_CURATOR.token();
    }

    public static RequestPostProcessor irkOperator() {
        return IRK_OPERATOR.token();
    }

    public static RequestPostProcessor irkMinistry() {
        return IRK_MINISTRY.token();
    }

    public static RequestPostProcessor irkSchool1() {
        return IRK_SCHOOL1.token();
    }

    public static RequestPostProcessor indexer() {
        return INDEXER.token();
    }
}
