package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.PlatformStack;

/**
 * The search journeys on the real platform: records reach the search through the services' change feeds
 * (no manual refresh anywhere), visibility follows the caller's token through the gateway, and an
 * Elasticsearch outage during indexing loses and duplicates nothing.
 */
@ExtendWith(RunningPlatform.class)
class SearchJourneyIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;

    @Test
    void anUploadedMaterialIsSearchableForItsSchoolWithinSecondsAndInvisibleElsewhere() {
        String marker = marker();
        String school = Keycloak.token("kir-school1");
        HttpResponse<String> upload = upload(school, "Программа развития " + marker, "программа.txt",
                "Программа развития школы: наставничество молодых педагогов, " + marker);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String id = Http.json(upload).get("id").asString();
        Instant acknowledged = Instant.now();

        JsonNode found = awaitSearch(school, marker, result -> ids(result).contains(id), Duration.ofSeconds(10));
        assertThat(Duration.between(acknowledged, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(found.at("/hits/0/type").asString()).isEqualTo("SCHOOL_MATERIAL");

        // the extracted text arrives a little later through the same feed
        awaitSearch(school, "педагогов " + marker, result -> ids(result).contains(id), Duration.ofSeconds(30));
        assertThat(ids(search(Keycloak.token("kir-curator"), marker))).contains(id);
        assertThat(search(Keycloak.token("irk-operator"), marker).path("total").asLong()).isZero();
        assertThat(search(null, marker).path("total").asLong()).isZero();
        assertThat(suggest(Keycloak.token("irk-operator"), "Программа развития " + marker)).isEmpty();
    }

    @Test
    void aPracticePublishedInIrkutskIsFoundByAKirovTeacher() {
        String marker = marker();
        String school = Keycloak.token("irk-school1");
        String operator = Keycloak.token("irk-operator");
        HttpResponse<String> created = Http.postJson(GATEWAY + "/api/documents/practices", school, """
                {"title": "Наставничество молодых педагогов %s", "authors": ["Петрова Е. В."],
                 "direction": "MENTORING", "educationLevel": "BASIC_GENERAL", "riskFactors": [],
                 "description": "Пары наставник — молодой учитель, открытые уроки", "results": "Рост результатов"}
                """.formatted(marker));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).get("id").asString();
        String practices = GATEWAY + "/api/documents/practices/" + id;
        assertThat(Http.postJson(practices + "/submit", school, "{}").statusCode()).isEqualTo(200);

        String kirovTeacher = Keycloak.token("kir-school1");
        assertThat(search(kirovTeacher, "наставничество " + marker).path("total").asLong()).isZero();

        assertThat(Http.postJson(practices + "/review", operator, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> published = Http.postJson(practices + "/publish", operator,
                "{\"conclusion\": \"Рекомендована к распространению\", \"score\": 90}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        JsonNode found = awaitSearch(kirovTeacher, "наставникам педагогов " + marker,
                result -> ids(result).contains(id), Duration.ofSeconds(10));
        assertThat(found.at("/hits/0/regionName").asString()).isEqualTo("Иркутская область");
        assertThat(ids(search(null, "наставничество " + marker))).contains(id);
        aTeacherFindsItInTheRegistryWithABrowser("наставники педагоги " + marker, "Наставничество молодых педагогов " + marker);
    }

    /** The public registry page in Chromium: type, submit, see the hit highlighted and the facets. */
    private static void aTeacherFindsItInTheRegistryWithABrowser(String query, String title) {
        try {
            WebDriver driver = Chromium.start();
            try {
                driver.get(GATEWAY + "/registry");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys(query);
                driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-hits"), title));
                assertThat(driver.findElement(By.id("search-status")).getText()).startsWith("Найдено: ");
                assertThat(driver.findElements(By.cssSelector("#search-hits em"))).isNotEmpty();
                assertThat(driver.findElement(By.id("search-facets")).getText()).contains("Иркутская область");
                Path shot = Path.of("target/screenshots/registry-search.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.quit();
            }
        } catch (Exception e) {
            throw new AssertionError("registry page in Chromium: " + e.getMessage(), e);
        }
    }

    @Test
    void elasticsearchStoppedDuringIndexingLosesAndDuplicatesNothing() {
        PlatformStack stack = RunningPlatform.stack();
        String marker = marker();
        String school = Keycloak.token("kir-school1");
        List<String> uploaded = new ArrayList<>();
        uploaded.add(Http.json(upload(school, "До остановки " + marker, "a.txt", "текст " + marker)).get("id").asString());

        stack.elasticsearch().close();
        try {
            HttpResponse<String> duringOutage = Http.get(GATEWAY + "/api/search?q=" + marker, school);
            assertThat(duringOutage.statusCode()).isEqualTo(503);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> upload = upload(school, "Во время остановки " + i + " " + marker, "b.txt",
                        "текст " + i + " " + marker);
                assertThat(upload.statusCode()).isEqualTo(201);
                uploaded.add(Http.json(upload).get("id").asString());
            }
        } finally {
            stack.elasticsearch().start();
        }

        JsonNode found = awaitSearch(school, marker, result -> ids(result).containsAll(uploaded),
                Duration.ofSeconds(90));
        assertThat(ids(found)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(uploaded);
        assertThat(found.path("total").asLong()).isEqualTo(uploaded.size());
    }

    @Test
    void anApprovedRoadmapIsFoundByAnyoneAndComparedByTheFederalAnalyst() {
        String marker = marker();
        String operator = Keycloak.token("kir-operator");
        HttpResponse<String> created = Http.postJson(GATEWAY + "/api/roadmaps", operator, """
                {"region": "43", "level": "REGIONAL", "title": "Дорожная карта %s", "year": 2022,
                 "sections": [{"number": "1.", "title": "Мониторинг",
                   "items": [{"number": "1.1", "task": "Региональный мониторинг образовательных результатов %s",
                              "deadline": {"text": "до 23.12.2022", "kind": "ONCE", "periods": [{"start": null, "end": "2022-12-23"}]}, "executorsText": "министерство образования"}]}]}
                """.formatted(marker, marker));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String id = Http.json(created).get("id").asString();

        String analyst = Keycloak.token("fed-analyst");
        awaitSearch(analyst, "мониторинг " + marker, result -> result.path("total").asLong() > 0, Duration.ofSeconds(10));
        assertThat(search(null, "мониторинг " + marker).path("total").asLong()).isZero();
        HttpResponse<String> foreignDraft = Http.get(GATEWAY + "/api/comparison?roadmap=" + id,
                Keycloak.token("irk-operator"));
        // another region's draft answers exactly like a roadmap that does not exist
        assertThat(foreignDraft.statusCode()).isEqualTo(404);
        assertThat(foreignDraft.body()).doesNotContain("Кировская");
        HttpResponse<String> comparison = Http.get(GATEWAY + "/api/comparison?roadmap=" + id, analyst);
        assertThat(comparison.statusCode()).as(comparison.body()).isEqualTo(200);
        assertThat(comparison.body()).contains("MONITORING");
    }

    private static HttpResponse<String> upload(String token, String title, String fileName, String text) {
        String boundary = "----e2e" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] { { "type", "SCHOOL_MATERIAL" }, { "kind", "DEVELOPMENT_PROGRAM" },
                { "title", title } }) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/plain\r\n\r\n").append(text).append("\r\n--")
                .append(boundary).append("--\r\n");
        return Http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/documents")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private static JsonNode awaitSearch(String token, String q, Predicate<JsonNode> done, Duration patience) {
        HttpResponse<String> answer = Eventually.within(patience).pollInterval(Duration.ofMillis(200))
                .alias("found in time: " + q)
                .until(() -> Http.get(GATEWAY + "/api/search?size=100&q=" + encode(q), token),
                        response -> response.statusCode() == 200 && done.test(Http.json(response)));
        return Http.json(answer);
    }

    private static JsonNode search(String token, String q) {
        HttpResponse<String> response = Http.get(GATEWAY + "/api/search?size=100&q=" + encode(q), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<String> suggest(String token, String q) {
        HttpResponse<String> response = Http.get(GATEWAY + "/api/search/suggest?q=" + encode(q), token);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        Http.json(response).forEach(s -> texts.add(s.path("text").asString()));
        return texts;
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String marker() {
        return "e" + Long.toString(System.nanoTime(), 36);
    }

}
