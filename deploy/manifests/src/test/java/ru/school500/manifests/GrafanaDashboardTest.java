package ru.school500.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Grafana dashboard reads only metrics that the README documents, through its data-source variable. */
class GrafanaDashboardTest {

    private static final Path OBSERVABILITY = Repository.root().resolve("deploy/observability");

    @Test
    void everyPanelQueriesDocumentedMetricsThroughTheDatasourceVariable() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(OBSERVABILITY.resolve("grafana-dashboard.json").toFile());
        String readme = Files.readString(OBSERVABILITY.resolve("README.md"));
        Set<String> metrics = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b([a-z][a-z0-9_]+?)(?:_bucket|_count|_sum)?\\{");
        assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                Matcher used = metric.matcher(target.get("expr").asText());
                while (used.find()) {
                    metrics.add(used.group(1));
                }
            }
        }
        assertThat(metrics).contains("platform_feed_lag_seconds", "resilience4j_circuitbreaker_state",
                "spring_cloud_gateway_requests_seconds");
        for (String name : metrics) {
            assertThat(readme).as("deploy/observability/README.md documents " + name).contains(name);
        }
    }
}
