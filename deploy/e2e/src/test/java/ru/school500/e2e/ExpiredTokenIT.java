package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A real Keycloak token that has expired is refused by the gateway and by the services. A short-lived
 * client is created through Keycloak's admin API for this test only (the realm file stays as deployed);
 * resource servers allow 60 s of clock skew, so the test waits that long past the expiry: beside the other test
 * classes, not before them (it only reads from processes that no other class is stopping, {@link PlatformProcesses}).
 */
@ExtendWith(RunningPlatform.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = PlatformProcesses.LOCK, mode = ResourceAccessMode.READ)
class ExpiredTokenIT {

    private static final String CLIENT = "e2e-short-lived";

    @Test
    void anExpiredTokenIs401AtTheGatewayAndAtTheServices() throws Exception {
        createShortLivedClient();
        var response = Http.postForm(Keycloak.TOKEN_URL, Map.of("grant_type", "password", "client_id", CLIENT,
                "username", "kir-operator", "password", "demo"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = Http.json(response).get("access_token").asString();
        Instant expiry = Instant.ofEpochSecond(Keycloak.claims(token).get("exp").asLong());

        assertThat(Http.get(GatewayContractIT.GATEWAY + "/api/roadmaps", token).statusCode())
                .as("the same token before it expires").isEqualTo(200);

        // refused once expired, give or take the validators' 60 s clock skew
        Duration patience = Duration.between(Instant.now(), expiry.plusSeconds(90));
        Eventually.within(patience).pollInterval(Duration.ofSeconds(1)).alias("the expired token refused")
                .until(() -> Http.get(GatewayContractIT.GATEWAY + "/api/roadmaps", token).statusCode(),
                        status -> status == 401);
        assertThat(Duration.between(expiry, Instant.now())).as("not refused before it expired").isPositive();
        assertThat(Http.get("http://127.0.0.1:8081/api/roadmaps", token).statusCode()).isEqualTo(401);
        assertThat(Http.get("http://127.0.0.1:8082/api/documents", token).statusCode()).isEqualTo(401);
    }

    private static void createShortLivedClient() {
        var admin = Http.postForm(Keycloak.URL + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        String adminToken = Http.json(admin).get("access_token").asString();
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"5"},
                 "protocolMappers":[{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"school500-api","access.token.claim":"true"}},
                  {"name":"region","protocol":"openid-connect","protocolMapper":"oidc-usermodel-attribute-mapper",
                   "config":{"user.attribute":"region","claim.name":"region","jsonType.label":"String","access.token.claim":"true"}}]}"""
                .formatted(CLIENT);
        var created = Http.send(HttpRequest.newBuilder(URI.create(Keycloak.URL + "/admin/realms/school500/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }
}
