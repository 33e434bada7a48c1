package ru.school500.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The production form of the school500 realm, derived from the local one ({@code deploy/keycloak/school500-realm.json})
 * so roles, clients and token mappers never drift apart. What only a demo may have is removed: the demo users
 * (service-account users stay), clients with the password grant. Client secrets and the gateway's address become
 * Keycloak import placeholders ({@code ${GATEWAY_CLIENT_SECRET}}, {@code ${PLATFORM_PUBLIC_URL}}), filled from
 * the environment (compose) or from Secrets ({@code KeycloakRealmImport.spec.placeholders}).
 *
 * <p>After changing the local realm, regenerate both files:
 * {@code ./mvnw -pl deploy/manifests verify -Dplatform.regenerate=true}; without the flag
 * {@code ProductionRealmTest} fails while a committed file differs from what this class derives.
 */
public final class ProductionRealm {

    public static final Path LOCAL = Path.of("deploy/keycloak/school500-realm.json");
    public static final Path PRODUCTION = Path.of("deploy/keycloak/school500-realm.production.json");
    public static final Path REALM_IMPORT = Path.of("deploy/k8s/base/keycloak/realm-import.yaml");

    /** Addresses of the gateway in the local realm (8084: the second one of --instances 2), replaced by the public address. */
    private static final Set<String> LOCAL_GATEWAY_ORIGINS = Set.of("http://127.0.0.1:8080", "http://localhost:8080",
            "http://127.0.0.1:8084", "http://localhost:8084");
    public static final String PUBLIC_URL = "PLATFORM_PUBLIC_URL";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private ProductionRealm() {
    }

    /** The placeholder that holds a confidential client's secret: {@code search-indexer} → {@code SEARCH_INDEXER_CLIENT_SECRET}. */
    public static String secretPlaceholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_CLIENT_SECRET";
    }

    public static ObjectNode from(JsonNode local) {
        ObjectNode realm = local.deepCopy();
        ArrayNode users = JsonNodeFactory.instance.arrayNode();
        for (JsonNode user : realm.withArray("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                users.add(user);
            }
        }
        realm.set("users", users);

        ArrayNode clients = JsonNodeFactory.instance.arrayNode();
        for (JsonNode node : realm.withArray("clients")) {
            ObjectNode client = (ObjectNode) node;
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                continue;
            }
            if (client.has("secret")) {
                client.put("secret", "${" + secretPlaceholder(client.get("clientId").asText()) + "}");
            }
            clients.add(replaceLocalOrigins(client));
        }
        realm.set("clients", clients);
        realm.put("sslRequired", "external");
        return realm;
    }

    /** Every string of a client that names the local gateway names the public address instead; duplicates go. */
    private static JsonNode replaceLocalOrigins(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            for (String origin : LOCAL_GATEWAY_ORIGINS) {
                text = text.replace(origin, "${" + PUBLIC_URL + "}");
            }
            if (text.contains("##")) {
                text = String.join("##", new LinkedHashSet<>(List.of(text.split("##"))));
            }
            return TextNode.valueOf(text);
        }
        if (node.isArray()) {
            Set<JsonNode> distinct = new LinkedHashSet<>();
            node.forEach(element -> distinct.add(replaceLocalOrigins(element)));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            distinct.forEach(array::add);
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(replaceLocalOrigins(field.getValue()));
            }
            return object;
        }
        return node;
    }

    /** The Keycloak operator's import of the same realm; placeholders resolved from Secrets. */
    public static ObjectNode realmImport(ObjectNode production) {
        ObjectNode cr = JsonNodeFactory.instance.objectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "school500");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (JsonNode client : production.withArray("clients")) {
            if (client.has("secret")) {
                String clientId = client.get("clientId").asText();
                placeholders.putObject(secretPlaceholder(clientId)).putObject("secret")
                        .put("name", clientId + "-oidc").put("key", "client-secret");
            }
        }
        placeholders.putObject(PUBLIC_URL).putObject("secret").put("name", "platform-public-url").put("key", "url");
        spec.set("realm", production);
        return cr;
    }

    public static String productionJson(JsonNode local) throws IOException {
        return JSON.writeValueAsString(from(local)) + "\n";
    }

    public static String realmImportYaml(JsonNode local) throws IOException {
        return "# Generated from deploy/keycloak/school500-realm.json by ru.school500.manifests.ProductionRealm\n"
                + "# (deploy/manifests): do not edit; ProductionRealmTest fails when it is stale.\n"
                + YAML.writeValueAsString(realmImport(from(local)));
    }

    public static JsonNode readLocal(Path root) throws IOException {
        return JSON.readTree(root.resolve(LOCAL).toFile());
    }

    /** Writes both production files under the repository root given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        JsonNode local = readLocal(root);
        Files.writeString(root.resolve(PRODUCTION), productionJson(local));
        Files.createDirectories(root.resolve(REALM_IMPORT).getParent());
        Files.writeString(root.resolve(REALM_IMPORT), realmImportYaml(local));
    }
}
