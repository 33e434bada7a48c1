package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.school500.stack.StackLayout;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard shows what the platform really publishes: after searches, an upload and an import,
 * every series a panel queries is in a real {@code /actuator/prometheus} scrape —
 * of the application the panel names ({@code application="…"}), or of any when it names none.
 */
@ExtendWith(RunningPlatform.class)
class DashboardMetricsIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;
    /** Application → its public port and its management port (the application port + 1000 in the local stack). */
    private static final Map<String, int[]> APPLICATIONS = Map.of("gateway", new int[] { 8080, 9080 },
            "roadmap-service", new int[] { 8081, 9081 }, "document-service", new int[] { 8082, 9082 },
            "search-service", new int[] { 8083, 9083 });
    /** A metric selector: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-z][a-z0-9_]*)\\{([^}]*)}");
    private static final Pattern APPLICATION = Pattern.compile("application=\"([^\"]+)\"");

    @Test
    void everySeriesThePanelsQueryIsInARealScrapeAfterTraffic() throws Exception {
        Map<String, Set<String>> wanted = dashboardSeries();
        assertThat(wanted).containsKeys("platform_upload_size_bytes_bucket", "platform_import_outcomes_total",
                "platform_feed_lag_seconds", "resilience4j_circuitbreaker_state",
                "spring_cloud_gateway_requests_seconds_bucket");
        traffic();

        Map<String, Set<String>> missing;
        try {
            missing = Eventually.within(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .alias("every series a panel queries in some scrape")
                    .until(() -> missingSeries(wanted), Map::isEmpty);
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            missing = missingSeries(wanted);
        }
        assertThat(missing).as("series a panel queries that no scrape has (series → where it was looked for)")
                .isEmpty();
    }

    /** Series name → the applications the panel's selector names (empty: any). */
    private static Map<String, Set<String>> dashboardSeries() throws Exception {
        Path file = StackLayout.findRepoRoot().resolve("deploy/observability/grafana-dashboard.json");
        JsonNode dashboard = Http.JSON.readTree(file.toFile());
        Map<String, Set<String>> series = new TreeMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher selector = SELECTOR.matcher(target.get("expr").asString());
                while (selector.find()) {
                    Set<String> applications = series.computeIfAbsent(selector.group(1), name -> new TreeSet<>());
                    Matcher application = APPLICATION.matcher(selector.group(2));
                    if (application.find()) {
                        applications.add(application.group(1));
                    }
                }
            }
        }
        return series;
    }

    private static void traffic() {
        String school = Keycloak.token("kir-school1");
        String operator = Keycloak.token("kir-operator");
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(GATEWAY + "/api/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0", school).statusCode())
                    .isEqualTo(200);
        }
        assertThat(Http.get(GATEWAY + "/api/roadmaps", operator).statusCode()).isEqualTo(200);
        assertThat(upload(school, "/api/documents", Map.of("type", "SCHOOL_MATERIAL", "kind", "REPORT",
                "title", "Отчёт для проверки метрик " + UUID.randomUUID()), "report.txt",
                "Отчёт школы о работе с метриками платформы.").statusCode()).isEqualTo(201);
        assertThat(upload(operator, "/api/roadmaps/import?dryRun=true", Map.of(), "order.txt",
                "не распоряжение").statusCode()).as("a preview or a refusal, both are outcomes").isBetween(200, 499);
    }

    private static HttpResponse<String> upload(String token, String path, Map<String, String> fields,
            String fileName, String text) {
        String boundary = "----metrics" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(fields).forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/plain\r\n\r\n").append(text).append("\r\n--")
                .append(boundary).append("--\r\n");
        return Http.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    @Test
    void metricsAreScrapedOnTheManagementPortAloneAndAUsersTokenDoesNotOpenThemOnThePublicPort() {
        String token = Keycloak.token("fed-analyst");
        APPLICATIONS.forEach((application, ports) -> {
            for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/env" }) {
                HttpResponse<String> withToken = Http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + ports[0] + endpoint))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build());
                assertThat(withToken.statusCode()).as(application + " public port " + endpoint).isEqualTo(403);
                assertThat(withToken.body()).as(application + " public port " + endpoint).doesNotContain("jvm_");
            }
            HttpResponse<String> readiness = Http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports[1] + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(30)).build());
            assertThat(readiness.statusCode()).as(application + " readiness on the management port").isEqualTo(200);
        });
    }

    /** Each application's series names, scraped on its management port without a token, as Prometheus does. */
    private static Map<String, Set<String>> scrapeAll() {
        Map<String, Set<String>> scraped = new TreeMap<>();
        APPLICATIONS.forEach((application, ports) -> {
            HttpResponse<String> scrape = Http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports[1] + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "text/plain").build());
            assertThat(scrape.statusCode()).as(application).isEqualTo(200);
            Set<String> names = new TreeSet<>();
            scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
            scraped.put(application, names);
        });
        return scraped;
    }

    /** Series a panel queries that no scrape of the applications it names has (series → where it was looked for). */
    private static Map<String, Set<String>> missingSeries(Map<String, Set<String>> wanted) throws Exception {
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Set<String>> scraped = scrapeAll();
        wanted.forEach((series, applications) -> {
            Set<String> where = applications.isEmpty() ? APPLICATIONS.keySet() : applications;
            if (where.stream().noneMatch(application -> scraped.get(application).contains(series))) {
                missing.put(series, where);
            }
        });
        return missing;
    }
}
