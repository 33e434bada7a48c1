package ru.school500.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** One overlay of deploy/k8s as {@code kubectl kustomize} renders it (no cluster is contacted). */
record Overlay(String name, List<JsonNode> objects) {

    static final Path K8S = Repository.root().resolve("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    static Overlay render(String name) {
        return RENDERED.computeIfAbsent(name, overlay -> {
            requireKustomize5();
            Command rendered = Command.run(K8S, List.of("kubectl", "kustomize", "overlays/" + overlay)).requireSuccess();
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered.stdout())) {
                List<JsonNode> objects = new ArrayList<>();
                while (documents.hasNext()) {
                    JsonNode object = documents.next();
                    if (object != null && !object.isEmpty()) {
                        objects.add(object);
                    }
                }
                return new Overlay(overlay, objects);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** kubectl's embedded Kustomize must be 5.x: Debian's kubernetes-client (1.20) embeds 2.0.3. */
    private static void requireKustomize5() {
        Command version = Command.run(K8S, List.of("kubectl", "version", "--client")).requireSuccess();
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(version.stdout());
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < 5) {
            throw new IllegalStateException("kubectl with Kustomize 5 is needed (see deploy/k8s/README.md): " + version.stdout());
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind, String objectName) {
        return ofKind(kind).stream().filter(object -> object.at("/metadata/name").asText().equals(objectName))
                .findFirst().orElseThrow(() -> new AssertionError(name + ": no " + kind + "/" + objectName));
    }
}
