package ru.school500.searchservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import com.jayway.jsonpath.JsonPath;

/**
 * The token → {@link CurrentUser} contract of docs/conventions.md: every case of {@code contract/tokens.json}
 * (the same file in every service) through this service's own converter, as in production.
 */
class TokenContractTest {

    static final String RESOURCE = "/contract/tokens.json";

    @Test
    void everyContractTokenBecomesTheCurrentUserTheContractNames() throws IOException {
        List<Map<String, Object>> cases = JsonPath.read(contract(), "$.tokens");
        assertThat(cases).isNotEmpty();
        for (Map<String, Object> example : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) example.get("claims");
            Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claims(all -> all.putAll(claims)).build();
            CurrentUser user = CurrentUser.from(SecurityConfig.keycloakAuthenticationConverter().convert(jwt));
            assertThat(read(user)).as((String) example.get("case")).isEqualTo(example.get("expect"));
        }
    }

    @Test
    void theContractIsDocumentServicesByteForByte() throws IOException {
        assertThat(contractBytes()).isEqualTo(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../document-service/src/test/resources/contract/tokens.json")));
    }

    @Test
    void withoutATokenTheCallerIsAnonymous() {
        CurrentUser user = CurrentUser.from(null);
        assertThat(user.isAnonymous()).isTrue();
        assertThat(user.roles()).isEmpty();
        assertThat(user.region()).isNull();
    }

    private static Map<String, Object> read(CurrentUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", user.username());
        List<String> authorities = new ArrayList<>(user.roles().stream().map(Role::authority).sorted().toList());
        fields.put("authorities", authorities);
        fields.put("region", user.region());
        fields.put("municipality", user.municipality());
        fields.put("school", user.school());
        return fields;
    }

    static byte[] contractBytes() throws IOException {
        try (InputStream in = TokenContractTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String contract() throws IOException {
        return new String(contractBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
