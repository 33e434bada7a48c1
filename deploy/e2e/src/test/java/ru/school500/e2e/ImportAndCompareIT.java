package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.StackLayout;

/**
 * The third journey on the real platform: both real orders imported through the gateway (the source files
 * land in document-service), approved by their ministries, found by anyone, and compared by the federal
 * analyst; a manual classification survives a re-import of the same order.
 */
@ExtendWith(RunningPlatform.class)
class ImportAndCompareIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;
    private static String irkutsk;
    private static String kirov;

    @BeforeAll
    static void importBothOrders() {
        irkutsk = importAndApprove("irkutsk-2021-order-294.txt", "irk-operator", "irk-ministry");
        kirov = importAndApprove("kirov-2022-order-324.txt", "kir-operator", "kir-ministry");
    }

    @Test
    void anImportedOrderKeepsItsSourceFileInDocumentService() {
        JsonNode roadmap = Http.json(Http.get(GATEWAY + "/api/roadmaps/" + kirov, null));
        assertThat(roadmap.path("status").asString()).isEqualTo("APPROVED");
        String documentId = roadmap.at("/approvingOrder/documentId").asString();
        HttpResponse<String> document = Http.get(GATEWAY + "/api/documents/" + documentId, Keycloak.token("kir-ministry"));
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        assertThat(Http.json(document).path("type").asString()).isEqualTo("ORDER");
    }

    @Test
    void theSeedItemsAreSearchableByAnyoneOnceApproved() {
        JsonNode found = awaitSearch(null, "конкурс Наставник", Duration.ofSeconds(15));
        assertThat(found.toString()).contains("ROADMAP_ITEM", "Кировская область");
    }

    @Test
    void theFederalAnalystComparesBothRegions() throws IOException {
        String analyst = Keycloak.token("fed-analyst");
        JsonNode comparison = awaitComparison(analyst, irkutsk, kirov);

        assertThat(cellNumbers(comparison, "NON_NATIVE_RUSSIAN", irkutsk)).contains("2.11", "2.12", "2.13", "2.14", "2.15");
        assertThat(cellNumbers(comparison, "PARENTS_COMMUNITY", irkutsk)).contains("2.7", "2.8", "2.9", "2.10");
        assertThat(cellNumbers(comparison, "MENTORING", kirov)).isNotEmpty();
        assertThat(comparison.path("executors").toString()).contains("MINISTRY", "REGIONAL_INSTITUTE");
        assertThat(comparison.at("/timeline/months").size()).isGreaterThan(6);
        assertThat(comparison.path("coverage").size()).isEqualTo(2);
        assertThat(comparison.path("similar").size()).isGreaterThan(0);

        HttpResponse<byte[]> export = Http.send(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/comparison/export?roadmap=" + irkutsk + "&roadmap=" + kirov))
                .header("Authorization", "Bearer " + analyst).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
        }
    }

    @Test
    void aRegionalOperatorComparesPublishedDataButTheSchoolMayNot() {
        assertThat(Http.get(GATEWAY + "/api/comparison?roadmap=" + irkutsk + "&roadmap=" + kirov,
                Keycloak.token("kir-operator")).statusCode()).isEqualTo(200);
        assertThat(Http.get(GATEWAY + "/api/comparison?roadmap=" + kirov, Keycloak.token("kir-school1")).statusCode())
                .isEqualTo(403);
        assertThat(Http.get(GATEWAY + "/api/comparison?roadmap=" + kirov, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aManualClassificationSurvivesAReimportOfTheOrder() {
        String operator = Keycloak.token("kir-operator");
        awaitComparison(Keycloak.token("fed-analyst"), kirov);
        String itemId = itemId(kirov, "2.6");
        HttpResponse<String> override = Http.send(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/comparison/classifications/" + itemId))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"categories\":[\"BEST_PRACTICES\"],\"comment\":\"обмен опытом\"}"))
                .build());
        assertThat(override.statusCode()).as(override.body()).isEqualTo(200);

        String reimported = importOrder("kirov-2022-order-324.txt", operator);
        JsonNode comparison = Eventually.within(Duration.ofSeconds(40))
                .alias("the override of 2.6 kept on the re-imported roadmap")
                .until(() -> awaitComparison(operator, reimported),
                        answer -> cellNumbers(answer, "BEST_PRACTICES", reimported).contains("2.6"));
        assertThat(cellNumbers(comparison, "BEST_PRACTICES", reimported)).as(comparison.path("categories").toString())
                .contains("2.6");
    }

    static String importAndApprove(String fixture, String operator, String ministry) {
        String id = importOrder(fixture, Keycloak.token(operator));
        JsonNode roadmap = Http.json(Http.get(GATEWAY + "/api/roadmaps/" + id, Keycloak.token(operator)));
        HttpResponse<String> approved = Http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/roadmaps/" + id
                        + "/approve"))
                .header("Authorization", "Bearer " + Keycloak.token(ministry))
                .header("If-Match", "\"" + roadmap.path("version").asLong() + "\"")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static String importOrder(String fixture, String token) {
        Path file = StackLayout.findRepoRoot().getParent().resolve("shared/fixtures/roadmaps").resolve(fixture);
        String boundary = "----e2e" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fixture
                    + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> imported = Http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/roadmaps/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = Http.json(imported);
        assertThat(answer.at("/sourceDocument/id").asString()).isNotBlank();
        return answer.at("/roadmap/id").asString();
    }

    private static String itemId(String roadmap, String number) {
        JsonNode view = Http.json(Http.get(GATEWAY + "/api/roadmaps/" + roadmap, Keycloak.token("kir-operator")));
        for (JsonNode section : view.path("sections")) {
            for (JsonNode item : section.path("items")) {
                if (number.equals(item.path("number").asString())) {
                    return item.path("id").asString();
                }
            }
        }
        throw new AssertionError("no item " + number + " in " + roadmap);
    }

    /**
     * The comparison reads the index, which the roadmap feed fills within a moment of the commit: waits until every
     * compared roadmap has items in it, since one region's approval may reach the index before the other's.
     */
    static JsonNode awaitComparison(String token, String... roadmaps) {
        StringBuilder query = new StringBuilder();
        for (String roadmap : roadmaps) {
            query.append(query.isEmpty() ? "?" : "&").append("roadmap=").append(roadmap);
        }
        HttpResponse<String> answer = Eventually.within(Duration.ofSeconds(20)).alias("a comparison of " + query)
                .until(() -> Http.get(GATEWAY + "/api/comparison" + query, token),
                        last -> last.statusCode() == 200 && everyRoadmapHasItems(Http.json(last), roadmaps));
        return Http.json(answer);
    }

    private static boolean everyRoadmapHasItems(JsonNode comparison, String... roadmaps) {
        for (String roadmap : roadmaps) {
            if (itemsOf(comparison, roadmap) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int itemsOf(JsonNode comparison, String roadmap) {
        int items = 0;
        for (JsonNode row : comparison.at("/categories/rows")) {
            for (JsonNode cell : row.path("cells")) {
                if (roadmap.equals(cell.path("roadmapId").asString())) {
                    items += cell.path("count").asInt();
                }
            }
        }
        return items;
    }

    private static List<String> cellNumbers(JsonNode comparison, String category, String roadmap) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode row : comparison.at("/categories/rows")) {
            if (!category.equals(row.path("code").asString())) {
                continue;
            }
            for (JsonNode cell : row.path("cells")) {
                if (roadmap.equals(cell.path("roadmapId").asString())) {
                    cell.path("itemNumbers").forEach(number -> numbers.add(number.asString()));
                }
            }
        }
        return numbers;
    }

    private static JsonNode awaitSearch(String token, String q, Duration patience) {
        HttpResponse<String> answer = Eventually.within(patience).alias("something found for " + q)
                .until(() -> Http.get(GATEWAY + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token),
                        response -> response.statusCode() == 200 && Http.json(response).path("total").asLong() > 0);
        return Http.json(answer);
    }
}
