package ru.school500.manifests;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Who may open a connection to a pod, as the rendered NetworkPolicies of one namespace say. */
final class NetworkPolicies {

    private final Overlay overlay;
    private final List<JsonNode> policies;

    NetworkPolicies(Overlay overlay) {
        this.overlay = overlay;
        this.policies = overlay.ofKind("NetworkPolicy");
    }

    boolean hasDefaultDeny() {
        return policies.stream().anyMatch(policy -> policy.at("/spec/podSelector").isEmpty()
                && policy.at("/spec/ingress").isMissingNode()
                && policy.at("/spec/policyTypes").toString().contains("Ingress"));
    }

    int servicePort(String service) {
        return overlay.one("Service", service).at("/spec/ports/0/port").asInt();
    }

    /**
     * The callers admitted on a port of pods with these labels: Deployments of this namespace by name,
     * other namespaces as "namespace NAME".
     */
    Set<String> callersOnPort(Map<String, String> podLabels, int port) {
        Set<String> callers = new TreeSet<>();
        for (JsonNode policy : policies) {
            if (!matches(policy.at("/spec/podSelector/matchLabels"), podLabels)) {
                continue;
            }
            for (JsonNode rule : policy.at("/spec/ingress")) {
                if (!admitsPort(rule, port)) {
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("namespaceSelector")) {
                        callers.add("namespace " + peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                    } else if (peer.has("podSelector")) {
                        for (JsonNode deployment : overlay.ofKind("Deployment")) {
                            if (matches(peer.at("/podSelector/matchLabels"), labels(deployment.at("/spec/template/metadata/labels")))) {
                                callers.add(deployment.at("/metadata/name").asText());
                            }
                        }
                    }
                }
            }
        }
        return callers;
    }

    private static boolean admitsPort(JsonNode rule, int port) {
        if (!rule.has("ports")) {
            return true;
        }
        for (JsonNode admitted : rule.get("ports")) {
            if (admitted.get("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode matchLabels, Map<String, String> labels) {
        for (Iterator<Map.Entry<String, JsonNode>> required = matchLabels.fields(); required.hasNext();) {
            Map.Entry<String, JsonNode> label = required.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new java.util.HashMap<>();
        node.fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }
}
