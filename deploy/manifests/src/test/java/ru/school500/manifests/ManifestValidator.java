package ru.school500.manifests;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Checks each rendered object against its schema. Kubernetes' own kinds go through fabric8's typed model
 * (kubernetes-model 7.4, Kubernetes 1.33 API): a field of the wrong type fails to bind, and a field the API
 * does not have lands in a model object's {@code additionalProperties}, which is reported with its path.
 * The operators' resources are checked against the JSON Schemas in {@code src/test/resources/schemas/},
 * and the Kubernetes types embedded in them (pod templates, volume claims, security contexts, resources)
 * with the typed model again.
 */
final class ManifestValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> KUBERNETES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    /** JSON pointers of Kubernetes types inside the operators' resources ({@code *} = every element). */
    private static final Map<String, Map<String, Class<?>>> EMBEDDED = Map.of(
            "Elasticsearch", Map.of(
                    "/spec/nodeSets/*/podTemplate", PodTemplateSpec.class,
                    "/spec/nodeSets/*/volumeClaimTemplates/*", PersistentVolumeClaim.class),
            "Cluster", Map.of("/spec/resources", ResourceRequirements.class),
            "Tenant", Map.of(
                    "/spec/pools/*/volumeClaimTemplate", PersistentVolumeClaim.class,
                    "/spec/pools/*/securityContext", PodSecurityContext.class,
                    "/spec/pools/*/containerSecurityContext", SecurityContext.class,
                    "/spec/pools/*/resources", ResourceRequirements.class),
            "Keycloak", Map.of("/spec/resources", ResourceRequirements.class),
            "Redis", Map.of(
                    "/spec/kubernetesConfig/resources", ResourceRequirements.class,
                    "/spec/storage/volumeClaimTemplate", PersistentVolumeClaim.class,
                    "/spec/podSecurityContext", PodSecurityContext.class,
                    "/spec/securityContext", SecurityContext.class));

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private ManifestValidator() {
    }

    /** Problems of one object, each with its path; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + "/" + object.at("/metadata/name").asText();
        List<String> problems = new ArrayList<>();
        Class<?> type = KUBERNETES.get(apiVersion + "/" + kind);
        if (type != null) {
            checkTyped(object, type, name, problems);
            return problems;
        }
        JsonSchema schema = schema(apiVersion, kind);
        if (schema == null) {
            problems.add(name + ": no schema for " + apiVersion + " " + kind);
            return problems;
        }
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(name + ": " + message.getMessage());
        }
        if (!object.at("/metadata/name").isTextual()) {
            problems.add(name + ": metadata.name is missing");
        }
        EMBEDDED.getOrDefault(kind, Map.of()).forEach((pointer, embedded) -> {
            for (JsonNode node : select(object, pointer)) {
                checkTyped(node, embedded, name + " " + pointer, problems);
            }
        });
        return problems;
    }

    private static JsonSchema schema(String apiVersion, String kind) {
        String file = "/schemas/" + apiVersion.replace('/', '_') + "_" + kind + ".yaml";
        return LOADED.computeIfAbsent(file, f -> {
            try (InputStream in = ManifestValidator.class.getResourceAsStream(f)) {
                return in == null ? null : SCHEMAS.getSchema(MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<JsonNode> select(JsonNode root, String pointer) {
        List<JsonNode> current = List.of(root);
        for (String step : pointer.substring(1).split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.equals("*")) {
                    node.forEach(next::add);
                } else if (node.has(step)) {
                    next.add(node.get(step));
                }
            }
            current = next;
        }
        return current;
    }

    private static void checkTyped(JsonNode node, Class<?> type, String name, List<String> problems) {
        Object typed;
        try {
            typed = MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(name + ": " + e.getOriginalMessage());
            return;
        }
        unknownFields(typed, name, problems, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Walks fabric8's model: every object of it keeps the fields its type does not have in additionalProperties. */
    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, problems, seen));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass(), Object.class).getPropertyDescriptors()) {
                if (property.getReadMethod() == null) {
                    continue;
                }
                Object child = property.getReadMethod().invoke(value);
                if (property.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + property.getName(), problems, seen);
                }
            }
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            problems.add(path + ": cannot inspect " + value.getClass().getSimpleName() + ": " + e);
        }
    }
}
