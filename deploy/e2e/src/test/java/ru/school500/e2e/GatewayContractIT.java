package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** The public contract of the running platform: SSO tokens, routes, roles and forged tokens. */
@ExtendWith(RunningPlatform.class)
class GatewayContractIT {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final Map<String, String> SERVICES = Map.of(
            "roadmap-service", "http://127.0.0.1:8081/api/roadmaps",
            "document-service", "http://127.0.0.1:8082/api/documents",
            "search-service", "http://127.0.0.1:8083/api/search?q=школа");

    @ParameterizedTest
    @ValueSource(strings = {"fed-analyst", "irk-operator", "irk-ministry", "irk-school1", "kir-operator",
            "kir-ministry", "kir-school1", "kir-curator", "kir-municipal"})
    void everyDemoUserCallsTheRoadmapsThroughTheGateway(String username) {
        String token = Keycloak.token(username);

        HttpResponse<String> response = Http.get(GATEWAY + "/api/roadmaps", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).has("content")).isTrue();
    }

    @Test
    void tokensCarryRolesRegionAndAudience() {
        JsonNode school = Keycloak.claims(Keycloak.token("kir-school1"));
        assertThat(school.get("region").asString()).isEqualTo("43");
        assertThat(school.get("municipality").asString()).isEqualTo("43-01");
        assertThat(school.get("school").toString()).contains("43-01-001");
        assertThat(school.get("realm_access").get("roles").toString()).contains("\"school\"");
        assertThat(school.get("aud").toString()).contains("school500-api");

        JsonNode analyst = Keycloak.claims(Keycloak.token("fed-analyst"));
        assertThat(analyst.get("realm_access").get("roles").toString()).contains("federal-analyst");
        assertThat(analyst.has("region")).isFalse();
    }

    @Test
    void anonymousWriteIsRejectedWith401Problem() {
        HttpResponse<String> response = Http.postJson(GATEWAY + "/api/roadmaps", null, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anApiCallWithoutSessionIsNotRedirectedToTheLoginPage() {
        HttpResponse<String> response = Http.postJson(GATEWAY + "/api/comparison", null, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aRoleThatMayNotWriteRoadmapsGets403() {
        String school = Keycloak.token("kir-school1");

        HttpResponse<String> response = Http.postJson(GATEWAY + "/api/roadmaps", school,
                "{\"region\":\"43\",\"level\":\"REGIONAL\",\"title\":\"Дорожная карта\",\"year\":2023}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void forgedTokensAre401AtTheGatewayAndAtEveryService() throws Exception {
        String issuer = Keycloak.REALM_URL;
        List<String> forged = List.of(
                Tokens.unsigned(Tokens.plausibleClaims(issuer)),
                Tokens.selfSigned(Tokens.plausibleClaims(issuer)),
                Tokens.withTamperedClaims(Keycloak.token("kir-school1"), "43", "38"));

        for (String token : forged) {
            assertThat(Http.get(GATEWAY + "/api/roadmaps", token).statusCode()).isEqualTo(401);
            assertThat(Http.postJson(GATEWAY + "/api/documents", token, "{}").statusCode()).isEqualTo(401);
            for (var service : SERVICES.entrySet()) {
                HttpResponse<String> direct = Http.get(service.getValue(), token);
                assertThat(direct.statusCode()).as(service.getKey() + " called directly").isEqualTo(401);
            }
        }
    }

    @Test
    void servicesCalledAroundTheGatewayRequireAToken() {
        for (var service : SERVICES.entrySet()) {
            HttpResponse<String> write = Http.postJson(service.getValue().replaceAll("\\?.*", ""), null, "{}");
            assertThat(write.statusCode()).as(service.getKey()).isEqualTo(401);
        }
        assertThat(Http.get("http://127.0.0.1:8083/api/comparison", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyRouteReachesItsService() {
        String analyst = Keycloak.token("fed-analyst");
        for (String path : List.of("/api/roadmaps", "/api/documents", "/api/search?q=школа", "/api/comparison")) {
            int status = Http.get(GATEWAY + path, analyst).statusCode();
            assertThat(status).as(path).isNotIn(404, 502, 503);
        }
    }
}
