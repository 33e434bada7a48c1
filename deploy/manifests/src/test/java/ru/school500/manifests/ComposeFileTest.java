package ru.school500.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** deploy/compose as Debian's docker-compose 1.29.2 reads it ({@code config} needs no Docker engine). */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path COMPOSE = Repository.root().resolve("deploy/compose");
    private static final List<String> PLATFORM = List.of("gateway", "roadmap-service", "document-service", "search-service");

    private static JsonNode services;

    @BeforeAll
    static void renderWithTheExampleEnvFile() throws IOException {
        Command config = Command.run(COMPOSE, List.of("docker-compose", "--env-file", ".env.example",
                "-f", "compose.yaml", "-f", "compose.try-out.yaml", "config")).requireSuccess();
        services = YAML.readTree(config.stdout()).get("services");
    }

    @Test
    void theFileHoldsTheWholePlatformAndItsStatefulParts() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("postgres", "minio", "minio-setup", "elasticsearch", "keycloak").containsAll(PLATFORM);
    }

    @Test
    void theServicesRunUnprivilegedOnAReadOnlyRootWithActuatorHealthChecks() {
        for (String name : PLATFORM) {
            JsonNode service = services.get(name);
            assertThat(service.get("image").asText()).as(name).isEqualTo("school500/" + name + ":0.1.0-SNAPSHOT");
            assertThat(service.get("user").asText()).as(name).isEqualTo("10001:10001");
            assertThat(service.get("read_only").asBoolean()).as(name).isTrue();
            assertThat(service.get("tmpfs").toString()).as(name).contains("/tmp");
            assertThat(service.get("cap_drop").toString()).as(name).contains("ALL");
            assertThat(service.at("/healthcheck/test").toString()).as(name).contains("/actuator/health/readiness");
        }
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
        });
        assertThat(published).containsExactlyInAnyOrder("gateway", "keycloak");
    }

    @Test
    void keycloakRunsInProductionModeOnPostgresqlAndImportsTheProductionRealm() {
        JsonNode keycloak = services.get("keycloak");
        assertThat(keycloak.get("command").get(0).asText()).isEqualTo("start");
        assertThat(keycloak.get("command").toString()).contains("--import-realm").doesNotContain("start-dev");
        assertThat(keycloak.at("/environment/KC_DB").asText()).isEqualTo("postgres");
        assertThat(keycloak.get("volumes").toString()).contains("school500-realm.production.json");
        assertThat(keycloak.at("/environment/GATEWAY_CLIENT_SECRET").asText()).isEqualTo("change-me-gateway-secret");
    }

    @Test
    void elasticsearchIsBuiltFromThePlatformsImageDefinition() {
        JsonNode elasticsearch = services.get("elasticsearch");
        assertThat(elasticsearch.at("/build/dockerfile").asText()).isEqualTo("images/elasticsearch/Dockerfile");
        assertThat(elasticsearch.get("image").asText()).isEqualTo("school500/elasticsearch:" + ElasticsearchImageTest.serverVersion());
        assertThat(elasticsearch.at("/environment/xpack.security.enabled").asText()).isEqualTo("true");
    }

    @Test
    void theComposeFileCarriesNoSecretOfItsOwn() throws IOException {
        Matcher secrets = Pattern.compile("(?m)^\\s+(\\w*(PASSWORD|SECRET|SECRET_KEY)\\w*):\\s*(.*)$")
                .matcher(Files.readString(COMPOSE.resolve("compose.yaml")));
        int found = 0;
        while (secrets.find()) {
            found++;
            assertThat(secrets.group(3)).as(secrets.group(1)).matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}");
        }
        assertThat(found).isGreaterThan(5);
        assertThat(Files.readString(COMPOSE.resolve(".gitignore")).lines()).contains(".env");
    }

    @Test
    void withoutTheEnvFileComposeRefusesToStartAndNamesTheMissingSecret(@TempDir Path empty) throws IOException {
        Path envFile = Files.writeString(empty.resolve("empty.env"), "");
        Command config = Command.run(COMPOSE, List.of("docker-compose", "--env-file", envFile.toString(),
                "-f", "compose.yaml", "config"));
        assertThat(config.exitCode()).isNotZero();
        assertThat(config.stderr()).contains("in .env");
    }

    @Test
    void everyServiceAddressPointsAtAServiceOfTheFile() {
        Pattern address = Pattern.compile("https?://(?!localhost)([a-z-]+):\\d+");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        for (Map.Entry<String, JsonNode> service : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            JsonNode environment = service.getValue().path("environment");
            environment.fields().forEachRemaining(variable -> {
                Matcher matcher = address.matcher(variable.getValue().asText());
                while (matcher.find()) {
                    assertThat(names).as(service.getKey() + " " + variable.getKey()).contains(matcher.group(1));
                }
            });
        }
    }
}
