package ru.school500.documentservice.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own OpenAPI document, read at test time from {@code /v3/api-docs}, so tests that walk
 * "every endpoint" also walk the ones added after they were written.
 */
public final class OpenApi {

    public record Parameter(String name, String in, JsonNode schema) {
    }

    public record Operation(String method, String path, List<Parameter> parameters, JsonNode jsonBody,
            String bodyMediaType) {

        public boolean hasBody() {
            return bodyMediaType != null;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApi(JsonNode document) {
        this.document = document;
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(), resolve(p.get("schema"))));
                }
                JsonNode content = op.path("requestBody").path("content");
                String mediaType = content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next()
                        : null;
                JsonNode json = content.path("application/json").path("schema");
                found.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        json.isMissingNode() ? null : resolve(json), mediaType));
            }
        }
        this.operations = List.copyOf(found);
    }

    public static OpenApi of(RunningService service) {
        var response = Http.send(Http.request(service.url("/v3/api-docs")).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + response.statusCode());
        }
        return new OpenApi(JsonMapper.builder().build().readTree(response.body()));
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The schema behind a {@code $ref} (one level; call again on properties). */
    public JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }
}
