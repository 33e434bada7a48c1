package ru.school500.searchservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Indices as the previous release made them (schema 1: hunspell ru_RU + Snowball stemmer), for comparisons. */
public final class SchemaOne {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaOne() {
    }

    /** Creates {@code index} with the schema-1 settings and the practices mapping. */
    public static void createPracticesIndex(ElasticsearchClient client, String index) throws IOException {
        String settings = settings();
        String mapping = practicesMapping();
        client.indices().create(c -> c.index(index).settings(s -> s.withJson(new StringReader(settings)))
                .mappings(m -> m.withJson(new StringReader(mapping))));
    }

    public static String settings() throws IOException {
        ObjectNode settings = (ObjectNode) JSON.readTree(read("elasticsearch/settings-v1.json"));
        ArrayNode stopwords = JSON.createArrayNode();
        read("elasticsearch/russian-stopwords.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(stopwords::add);
        ((ObjectNode) settings.at("/analysis/filter/russian_stop")).set("stopwords", stopwords);
        return JSON.writeValueAsString(settings);
    }

    public static String practicesMapping() throws IOException {
        ObjectNode mapping = (ObjectNode) JSON.readTree(read("elasticsearch/mapping-common-v1.json"));
        ((ObjectNode) mapping.get("properties")).setAll((ObjectNode) JSON.readTree(
                read("elasticsearch/mapping-practices-v1.json")).get("properties"));
        return JSON.writeValueAsString(mapping);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
