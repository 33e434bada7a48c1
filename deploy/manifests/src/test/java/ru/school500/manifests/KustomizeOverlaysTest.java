package ru.school500.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Both overlays of deploy/k8s render, every object is valid against its schema, and the platform's rules hold. */
class KustomizeOverlaysTest {

    private static final List<String> SERVICES = List.of("gateway", "roadmap-service", "document-service", "search-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectIsValidAgainstItsSchemaOperatorResourcesIncluded(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        List<String> problems = new ArrayList<>();
        rendered.objects().forEach(object -> problems.addAll(ManifestValidator.validate(object)));
        assertThat(problems).isEmpty();
        Set<String> kinds = new TreeSet<>();
        rendered.objects().forEach(object -> kinds.add(object.get("kind").asText()));
        assertThat(kinds).contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "Ingress", "ConfigMap", "Elasticsearch", "Cluster", "ObjectStore", "ScheduledBackup",
                "Tenant", "Keycloak", "KeycloakRealmImport");
        String namespace = overlay.equals("prod") ? "school500" : "school500-dev";
        rendered.objects().forEach(object -> assertThat(object.at("/metadata/namespace").asText())
                .as(object.get("kind") + "/" + object.at("/metadata/name").asText()).isEqualTo(namespace));
    }

    @Test
    void theValidatorRefusesUnknownFieldsWrongTypesAndOperatorResourceTypos() {
        Overlay dev = Overlay.render("dev");
        ObjectNode deployment = dev.one("Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("livenessprobe", "typo");
        assertThat(ManifestValidator.validate(deployment)).singleElement().asString().contains("livenessprobe");
        ObjectNode hpa = dev.one("HorizontalPodAutoscaler", "gateway").deepCopy();
        ((ObjectNode) hpa.get("spec")).put("minReplicas", "two");
        assertThat(ManifestValidator.validate(hpa)).isNotEmpty();
        ObjectNode elasticsearch = dev.one("Elasticsearch", "platform").deepCopy();
        ((ObjectNode) elasticsearch.at("/spec/nodeSets/0")).put("replicas", 3);
        assertThat(ManifestValidator.validate(elasticsearch)).singleElement().asString().contains("replicas");
        ObjectNode podTemplate = dev.one("Elasticsearch", "platform").deepCopy();
        ((ObjectNode) podTemplate.at("/spec/nodeSets/0/podTemplate/spec/containers/0")).put("imag", "x");
        assertThat(ManifestValidator.validate(podTemplate)).singleElement().asString().contains("imag");
        ObjectNode tenant = dev.one("Tenant", "documents").deepCopy();
        ((ObjectNode) tenant.at("/spec/pools/0")).remove("servers");
        assertThat(ManifestValidator.validate(tenant)).isNotEmpty();
        ObjectNode unknown = new ObjectMapper().createObjectNode().put("apiVersion", "example.org/v1").put("kind", "Thing");
        assertThat(ManifestValidator.validate(unknown)).singleElement().asString().contains("no schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesAreProbedByActuatorLimitedAndHardened(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        assertThat(rendered.ofKind("Deployment")).extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(name).isEqualTo("/actuator/health/liveness");
            for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                assertThat(container.at(resource).asText()).as(name + resource).isNotBlank();
            }
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop").toString()).as(name).contains("ALL");
            assertThat(container.get("volumeMounts").toString()).as(name).contains("\"/tmp\"");
            assertThat(container.get("image").asText()).as(name)
                    .startsWith("registry.school500.example/school500/" + name + ":").doesNotEndWith(":latest");
            assertThat(deployment.at("/spec/replicas").isMissingNode()).as(name + ": replicas belong to the HPA").isTrue();
            assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).as(name).isEqualTo("9090");
            assertThat(container.get("env").toString()).as(name).contains("\"MANAGEMENT_SERVER_PORT\",\"value\":\"9090\"");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).as(name).isEqualTo("management");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAnAutoscalerAndADisruptionBudget(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        for (String service : SERVICES) {
            JsonNode hpa = rendered.one("HorizontalPodAutoscaler", service);
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
            assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(overlay.equals("prod") ? 2 : 1);
            assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(hpa.at("/spec/minReplicas").asInt());
            JsonNode pdb = rendered.one("PodDisruptionBudget", service);
            assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void fromOutsideOnlyTheGatewayAndKeycloakLoginPagesAreReachableOverTls(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        JsonNode ingress = rendered.one("Ingress", "platform");
        Set<String> backends = new TreeSet<>();
        Set<String> hosts = new TreeSet<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            hosts.add(rule.get("host").asText());
            rule.at("/http/paths").forEach(path -> {
                backends.add(path.at("/backend/service/name").asText());
                if (path.at("/backend/service/name").asText().equals("keycloak-service")) {
                    assertThat(path.get("path").asText()).isIn("/realms/", "/resources/");
                }
            });
        }
        assertThat(backends).containsExactly("gateway", "keycloak-service");
        Set<String> tlsHosts = new TreeSet<>();
        ingress.at("/spec/tls").forEach(tls -> tls.get("hosts").forEach(host -> tlsHosts.add(host.asText())));
        assertThat(tlsHosts).isEqualTo(hosts);
        assertThat(rendered.one("ConfigMap", "platform-endpoints").at("/data/keycloak-issuer").asText())
                .isEqualTo("https://" + ingress.at("/spec/rules/1/host").asText() + "/realms/school500");
        assertThat(rendered.one("Keycloak", "keycloak").at("/spec/hostname/hostname").asText())
                .isEqualTo("https://" + ingress.at("/spec/rules/1/host").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesLetTheServicesBeCalledOnlyByTheGatewayAndTheFeedPulls(String overlay) {
        NetworkPolicies policies = new NetworkPolicies(Overlay.render(overlay));
        assertThat(policies.hasDefaultDeny()).isTrue();
        Map<String, Set<String>> callers = new TreeMap<>();
        for (String service : SERVICES) {
            callers.put(service, policies.callersOnPort(Map.of("app.kubernetes.io/name", service,
                    "app.kubernetes.io/part-of", "school500"), policies.servicePort(service)));
        }
        assertThat(callers).isEqualTo(Map.of(
                "gateway", Set.of("namespace ingress-nginx"),
                "roadmap-service", Set.of("gateway", "search-service"),
                // roadmap-service stores an imported order's file with the caller's token
                "document-service", Set.of("gateway", "search-service", "roadmap-service"),
                "search-service", Set.of("gateway")));
        assertThat(policies.callersOnPort(Map.of("elasticsearch.k8s.elastic.co/cluster-name", "platform"), 9200))
                .contains("search-service").doesNotContain("gateway", "roadmap-service", "document-service");
        assertThat(policies.callersOnPort(Map.of("cnpg.io/cluster", "roadmap-db"), 5432)).contains("roadmap-service")
                .doesNotContain("gateway", "document-service", "search-service");
        assertThat(policies.callersOnPort(Map.of("cnpg.io/cluster", "document-db"), 5432)).contains("document-service")
                .doesNotContain("gateway", "roadmap-service", "search-service");
        assertThat(policies.callersOnPort(Map.of("v1.min.io/tenant", "documents"), 9000)).contains("document-service")
                .doesNotContain("gateway", "roadmap-service", "search-service");
        assertThat(policies.callersOnPort(Map.of("app", "gateway-redis"), 6379)).containsExactly("gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayKeepsSessionsAndRateLimitBucketsInTheOperatorsRedis(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        JsonNode redis = rendered.one("Redis", "gateway-redis");
        Map<String, JsonNode> env = new TreeMap<>();
        rendered.one("Deployment", "gateway").at("/spec/template/spec/containers/0/env")
                .forEach(variable -> env.put(variable.get("name").asText(), variable));
        String host = rendered.one("ConfigMap", "platform-endpoints").at("/data/" + env.get("SPRING_DATA_REDIS_HOST")
                .at("/valueFrom/configMapKeyRef/key").asText()).asText();
        assertThat(host).as("the Service the operator creates for the Redis resource").isEqualTo("gateway-redis");
        assertThat(env.get("SPRING_DATA_REDIS_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo(redis.at("/spec/kubernetesConfig/redisSecret/name").asText());
        assertThat(env.get("SPRING_DATA_REDIS_PASSWORD").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo(redis.at("/spec/kubernetesConfig/redisSecret/key").asText());
        assertThat(env).containsKey("PLATFORM_RATE_LIMIT_TRUSTED_PROXIES");
        assertThat(redis.at("/spec/storage/volumeClaimTemplate/spec/resources/requests/storage").asText()).isNotEmpty();
    }

    @Test
    void productionRunsElasticsearchOnThreeNodesOfThePlatformsImage() {
        for (String overlay : List.of("dev", "prod")) {
            JsonNode elasticsearch = Overlay.render(overlay).one("Elasticsearch", "platform");
            assertThat(elasticsearch.at("/spec/version").asText()).isEqualTo(ElasticsearchImageTest.serverVersion());
            assertThat(elasticsearch.at("/spec/image").asText())
                    .isEqualTo("registry.school500.example/school500/elasticsearch:" + ElasticsearchImageTest.serverVersion());
            int nodes = 0;
            for (JsonNode nodeSet : elasticsearch.at("/spec/nodeSets")) {
                nodes += nodeSet.get("count").asInt();
                assertThat(nodeSet.at("/config/node.store.allow_mmap").asBoolean(true)).isFalse();
            }
            assertThat(nodes).as(overlay).isEqualTo(overlay.equals("prod") ? 3 : 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceDatabaseIsItsOwnPostgresqlClusterWithWalArchivingAndNightlyBackupsToS3(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        assertThat(rendered.ofKind("Cluster")).extracting(c -> c.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("roadmap-db", "document-db", "keycloak-db");
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            JsonNode archiver = cluster.at("/spec/plugins/0");
            assertThat(archiver.get("isWALArchiver").asBoolean()).as(name).isTrue();
            JsonNode store = rendered.one("ObjectStore", archiver.at("/parameters/barmanObjectName").asText());
            assertThat(store.at("/spec/configuration/destinationPath").asText()).startsWith("s3://").endsWith("/" + name);
            assertThat(rendered.ofKind("ScheduledBackup")).anySatisfy(backup -> {
                assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo(name);
                assertThat(backup.at("/spec/method").asText()).isEqualTo("plugin");
            });
            assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(overlay.equals("prod") ? 3 : 1);
        }
        Set<String> datasources = new HashSet<>();
        for (String service : List.of("roadmap-service", "document-service")) {
            rendered.one("Deployment", service).at("/spec/template/spec/containers/0/env").forEach(variable -> {
                if (variable.get("name").asText().equals("SPRING_DATASOURCE_URL")) {
                    datasources.add(variable.get("value").asText());
                }
            });
        }
        assertThat(datasources).containsExactlyInAnyOrder("jdbc:postgresql://roadmap-db-rw:5432/roadmap",
                "jdbc:postgresql://document-db-rw:5432/document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void minioIsDistributedWithErasureCodingOverAtLeastFourDrives(String overlay) {
        JsonNode tenant = Overlay.render(overlay).one("Tenant", "documents");
        int drives = 0;
        int servers = 0;
        for (JsonNode pool : tenant.at("/spec/pools")) {
            drives += pool.get("servers").asInt() * pool.get("volumesPerServer").asInt();
            servers += pool.get("servers").asInt();
        }
        assertThat(drives).isGreaterThanOrEqualTo(4);
        if (overlay.equals("prod")) {
            assertThat(servers).isGreaterThanOrEqualTo(4);
        }
        String parity = null;
        for (JsonNode variable : tenant.at("/spec/env")) {
            if (variable.get("name").asText().equals("MINIO_STORAGE_CLASS_STANDARD")) {
                parity = variable.get("value").asText();
            }
        }
        assertThat(parity).matches("EC:[2-8]");
        assertThat(Integer.parseInt(parity.substring(3))).isLessThanOrEqualTo(drives / 2);
        assertThat(tenant.at("/spec/buckets/0/name").asText()).isEqualTo("documents");
    }

    @Test
    void keycloakImportsTheProductionRealm() throws IOException {
        JsonNode production = new ObjectMapper().readTree(Repository.root().resolve(ProductionRealm.PRODUCTION).toFile());
        for (String overlay : List.of("dev", "prod")) {
            Overlay rendered = Overlay.render(overlay);
            JsonNode realmImport = rendered.one("KeycloakRealmImport", "school500");
            assertThat(realmImport.at("/spec/realm")).isEqualTo(production);
            assertThat(realmImport.at("/spec/keycloakCRName").asText())
                    .isEqualTo(rendered.one("Keycloak", "keycloak").at("/metadata/name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretReferencedIsMadeByAnOperatorOrListedInTheReadme(String overlay) throws IOException {
        Overlay rendered = Overlay.render(overlay);
        Set<String> referenced = new TreeSet<>();
        for (JsonNode object : rendered.objects()) {
            collectSecretNames(object, referenced);
        }
        Set<String> byOperators = new TreeSet<>();
        rendered.ofKind("Cluster").forEach(c -> byOperators.add(c.at("/metadata/name").asText() + "-app"));
        rendered.ofKind("Elasticsearch").forEach(e -> {
            byOperators.add(e.at("/metadata/name").asText() + "-es-elastic-user");
            byOperators.add(e.at("/metadata/name").asText() + "-es-http-certs-public");
        });
        String readme = Files.readString(Overlay.K8S.resolve("README.md"));
        for (String secret : referenced) {
            if (!byOperators.contains(secret)) {
                assertThat(readme).as("deploy/k8s/README.md lists secret " + secret).contains("`" + secret + "`");
            }
        }
        assertThat(referenced).contains("gateway-oidc", "search-indexer-oidc", "backup-s3", "platform-tls");
    }

    /** Names in secretKeyRef, secret volumes, the operators' secret fields, Ingress TLS. */
    private static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("secretKeyRef") || key.equals("secret") || key.endsWith("Secret")
                        || key.equals("accessKeyId") || key.equals("secretAccessKey")) && value.has("name")) {
                    names.add(value.get("name").asText());
                } else if (key.equals("secretName") || (key.equals("secret") && value.isTextual())) {
                    names.add(value.asText());
                } else if (key.equals("configuration") && value.has("name") && value.size() == 1) {
                    names.add(value.get("name").asText());
                } else if (key.equals("users") && value.isArray()) {
                    value.forEach(user -> {
                        if (user.size() == 1 && user.has("name")) {
                            names.add(user.get("name").asText());
                        }
                    });
                }
                if (!key.equals("realm")) {
                    collectSecretNames(value, names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecretNames(element, names));
        }
    }
}
