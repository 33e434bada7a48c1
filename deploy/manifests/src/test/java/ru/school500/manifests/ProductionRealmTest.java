package ru.school500.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class ProductionRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Repository.root();

    private static JsonNode local;
    private static JsonNode production;

    @BeforeAll
    static void readRealms() throws IOException {
        local = ProductionRealm.readLocal(ROOT);
        if (Boolean.getBoolean("platform.regenerate")) {
            ProductionRealm.main(new String[] {ROOT.toString()});
        }
        production = JSON.readTree(ROOT.resolve(ProductionRealm.PRODUCTION).toFile());
    }

    @Test
    void theCommittedProductionRealmAndRealmImportAreDerivedFromTheLocalRealm() throws IOException {
        String hint = "stale: run ./mvnw -pl deploy/manifests verify -Dplatform.regenerate=true";
        assertThat(production).as(ProductionRealm.PRODUCTION + " " + hint).isEqualTo(ProductionRealm.from(local));
        JsonNode committedImport = YAML.readTree(Files.readString(ROOT.resolve(ProductionRealm.REALM_IMPORT)));
        assertThat(committedImport).as(ProductionRealm.REALM_IMPORT + " " + hint)
                .isEqualTo(YAML.readTree(ProductionRealm.realmImportYaml(local)));
    }

    @Test
    void theProductionRealmHasNoDemoUsersNoPasswordsAndNoPasswordGrant() {
        assertThat(local.get("users").size()).isGreaterThan(1);
        for (JsonNode user : production.get("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.get("username").asText()).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        for (JsonNode client : production.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(client.get("clientId").asText()).isFalse();
        }
        assertThat(production.toString()).doesNotContain("\"demo\"").doesNotContain("127.0.0.1").doesNotContain("localhost");
    }

    @Test
    void everyClientSecretIsAPlaceholderAndTheRealmImportResolvesEachFromASecret() throws IOException {
        JsonNode realmImport = YAML.readTree(Files.readString(ROOT.resolve(ProductionRealm.REALM_IMPORT)));
        JsonNode placeholders = realmImport.at("/spec/placeholders");
        List<String> secrets = new ArrayList<>();
        for (JsonNode client : production.get("clients")) {
            if (client.has("secret")) {
                String placeholder = ProductionRealm.secretPlaceholder(client.get("clientId").asText());
                assertThat(client.get("secret").asText()).isEqualTo("${" + placeholder + "}");
                assertThat(placeholders.at("/" + placeholder + "/secret/name").asText()).isNotBlank();
                secrets.add(placeholder);
            }
        }
        assertThat(secrets).contains("GATEWAY_CLIENT_SECRET", "SEARCH_INDEXER_CLIENT_SECRET");
        assertThat(placeholders.has(ProductionRealm.PUBLIC_URL)).isTrue();
    }

    @Test
    void rolesAndTokenMappersAreTheLocalRealmsSoTokensLookTheSame() {
        assertThat(production.get("roles")).isEqualTo(local.get("roles"));
        for (JsonNode client : production.get("clients")) {
            JsonNode localClient = null;
            for (JsonNode candidate : local.get("clients")) {
                if (candidate.get("clientId").equals(client.get("clientId"))) {
                    localClient = candidate;
                }
            }
            assertThat(localClient).isNotNull();
            assertThat(client.get("protocolMappers")).isEqualTo(localClient.get("protocolMappers"));
        }
        JsonNode gateway = null;
        for (JsonNode client : production.get("clients")) {
            if (client.get("clientId").asText().equals("gateway")) {
                gateway = client;
            }
        }
        assertThat(gateway).isNotNull();
        assertThat(gateway.get("redirectUris").toString()).isEqualTo("[\"${PLATFORM_PUBLIC_URL}/login/oauth2/code/*\"]");
    }
}
