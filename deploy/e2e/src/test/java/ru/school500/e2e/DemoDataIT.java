package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.DemoSeeder;
import ru.school500.stack.DemoSet;
import ru.school500.stack.FixtureSeeder;

/**
 * The demo data set that {@code deploy/local/run} loads, loaded here on the real platform through the public
 * APIs and checked through them: practices of both regions in every status, the published ones with files and
 * in the anonymous registry, school materials with versions and comments, progress on both seed roadmaps; a
 * second run creates nothing.
 */
@ExtendWith(RunningPlatform.class)
class DemoDataIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;
    private static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED",
            "PUBLISHED");
    private static final DemoSet DEMO = DemoSet.load();
    private static Map<String, Object> afterFirstRun;
    private static DemoSeeder.Summary secondRun;

    @BeforeAll
    static void seedTwice() {
        FixtureSeeder.seed(RunningPlatform.stack());
        DemoSeeder.seed(RunningPlatform.stack());
        afterFirstRun = snapshot();
        secondRun = DemoSeeder.seed(RunningPlatform.stack());
    }

    @Test
    void bothRegionsHaveAtLeastADozenPracticesInEveryStatus() {
        assertThat(DEMO.practiceCount()).isGreaterThanOrEqualTo(12);
        for (DemoSet.Region region : DEMO.regions()) {
            Map<String, Long> wanted = region.practices().stream()
                    .collect(Collectors.groupingBy(DemoSet.Practice::status, TreeMap::new, Collectors.counting()));
            assertThat(wanted.keySet()).as("statuses in region " + region.region()).containsAll(STATUSES);

            Map<String, Long> stored = new TreeMap<>();
            for (String status : STATUSES) {
                long count = demoPractices(region, status).size();
                if (count > 0) {
                    stored.put(status, count);
                }
            }
            assertThat(stored).as("practices of region " + region.region() + " by status").isEqualTo(wanted);
        }
    }

    @Test
    void reviewedPracticesCarryTheExpertsDecisionAndPublishedOnesTheirFiles() {
        for (DemoSet.Region region : DEMO.regions()) {
            for (JsonNode rejected : demoPractices(region, "REJECTED")) {
                assertThat(rejected.path("expertConclusion").asString()).isNotBlank();
                assertThat(rejected.path("score").isInt()).as(rejected.toString()).isTrue();
            }
            for (JsonNode returned : demoPractices(region, "RETURNED")) {
                JsonNode full = practice(returned.path("id").asString(), region.users().school());
                assertThat(full.path("comments").size()).as("comments of a returned practice").isPositive();
            }
            List<JsonNode> published = demoPractices(region, "PUBLISHED");
            assertThat(published).isNotEmpty();
            for (JsonNode practice : published) {
                assertThat(practice.path("score").asInt()).isPositive();
                assertThat(practice.path("files").size()).as("files of " + practice.path("title")).isPositive();
                String file = practice.at("/files/0/id").asString();
                HttpResponse<String> download = Http.get(GATEWAY + "/api/documents/practices/"
                        + practice.path("id").asString() + "/files/" + file + "/content", null);
                assertThat(download.statusCode()).as("anonymous download of a published practice's file").isEqualTo(200);
            }
        }
    }

    @Test
    void theAnonymousRegistryFindsEveryPublishedPracticeAndNothingUnpublished() {
        for (DemoSet.Region region : DEMO.regions()) {
            for (DemoSet.Practice practice : region.practices()) {
                String q = practice.title().replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
                if (practice.status().equals("PUBLISHED")) {
                    JsonNode found = awaitAnonymousSearch(q, practice.title());
                    assertThat(found.path("regionName").asString()).isEqualTo(region.regionName());
                } else {
                    assertThat(titles(anonymousSearch(q))).as("anonymous hits for an unpublished practice")
                            .doesNotContain(practice.title());
                }
            }
        }
    }

    @Test
    void schoolMaterialsHaveTheirVersionsAndComments() {
        for (DemoSet.Region region : DEMO.regions()) {
            assertThat(region.materials()).isNotEmpty();
            assertThat(region.materials()).anySatisfy(m -> assertThat(m.versions().size()).isGreaterThan(1));
            assertThat(region.materials()).anySatisfy(m -> assertThat(m.comments()).isNotEmpty());
            String school = region.users().school();
            for (DemoSet.Material material : region.materials()) {
                JsonNode stored = material(region, material.title());
                String id = stored.path("id").asString();
                assertThat(stored.path("version").asInt()).isEqualTo(material.versions().size());
                assertThat(Http.json(Http.get(GATEWAY + "/api/documents/" + id + "/versions", Keycloak.token(school))).size())
                        .isEqualTo(material.versions().size());
                List<String> comments = new ArrayList<>();
                Http.json(Http.get(GATEWAY + "/api/documents/" + id + "/comments", Keycloak.token(school)))
                        .forEach(c -> comments.add(c.path("author").asString() + ": " + c.path("text").asString()));
                assertThat(comments).containsExactlyInAnyOrderElementsOf(
                        material.comments().stream().map(c -> c.author() + ": " + c.text()).toList());
            }
        }
        // the curator reads and has commented on the Kirov school's materials
        HttpResponse<String> curated = Http.get(GATEWAY + "/api/documents?type=SCHOOL_MATERIAL&school=43-01-001&size=100",
                Keycloak.token("kir-curator"));
        assertThat(curated.statusCode()).isEqualTo(200);
        assertThat(Http.json(curated).path("totalElements").asLong()).isGreaterThanOrEqualTo(
                DEMO.regions().stream().filter(r -> r.region().equals("43")).findFirst().orElseThrow().materials().size());
    }

    @Test
    void bothSeedRoadmapsCarryTheProgressReports() {
        String analyst = Keycloak.token("fed-analyst");
        for (DemoSet.Region region : DEMO.regions()) {
            DemoSet.Progress progress = region.progress();
            JsonNode reports = Http.json(Http.get(GATEWAY + "/api/roadmaps/" + seedRoadmap(region) + "/progress", analyst));
            // other journeys of the same stack may report on the seed roadmaps too: every demo report is there
            List<String> stored = new ArrayList<>();
            reports.forEach(r -> stored.add(r.path("stage").asString() + " " + r.path("status").asString() + " "
                    + r.path("reportedBy").asString() + " " + r.path("comment").asString()));
            assertThat(stored).as("reports in region " + region.region()).containsAll(progress.reports().stream()
                    .map(r -> r.stage() + " " + r.status() + " " + r.reporter() + " " + r.comment()).toList());
            assertThat(progress.reports().stream().map(DemoSet.Report::stage).distinct().count())
                    .as("monitoring stages").isGreaterThan(1);
            for (JsonNode report : reports) {
                assertThat(report.path("comment").asString()).isNotBlank();
            }
        }
    }

    @Test
    void seedingTwiceCreatesNothingTwice() {
        assertThat(secondRun.createdNothing()).as(secondRun.toString()).isTrue();
        assertThat(snapshot()).isEqualTo(afterFirstRun);
        for (DemoSet.Region region : DEMO.regions()) {
            for (DemoSet.Practice practice : region.practices()) {
                assertThat(practicesTitled(region, practice.title())).as(practice.title()).hasSize(1);
            }
        }
    }

    /** What the demo users see of the demo set: counts that a duplicate anywhere would change. */
    private static Map<String, Object> snapshot() {
        Map<String, Object> counts = new TreeMap<>();
        for (DemoSet.Region region : DEMO.regions()) {
            String school = Keycloak.token(region.users().school());
            for (DemoSet.Practice practice : region.practices()) {
                List<JsonNode> found = practicesTitled(region, practice.title());
                counts.put("practice " + practice.title(), found.size());
                for (JsonNode p : found) {
                    JsonNode full = practice(p.path("id").asString(), region.users().school());
                    counts.put("practice files " + practice.title(), full.path("files").size());
                    counts.put("practice comments " + practice.title(), full.path("comments").size());
                }
            }
            for (DemoSet.Material material : region.materials()) {
                String id = material(region, material.title()).path("id").asString();
                counts.put("material versions " + material.title(), Http.json(Http.get(GATEWAY + "/api/documents/" + id
                        + "/versions", school)).size());
                counts.put("material comments " + material.title(), Http.json(Http.get(GATEWAY + "/api/documents/" + id
                        + "/comments", school)).size());
            }
            counts.put("materials " + region.region(), Http.json(Http.get(GATEWAY
                    + "/api/documents?type=SCHOOL_MATERIAL&size=1", school)).path("totalElements").asLong());
            counts.put("reports " + region.region(), Http.json(Http.get(GATEWAY + "/api/roadmaps/" + seedRoadmap(region)
                    + "/progress", Keycloak.token("fed-analyst"))).size());
        }
        return counts;
    }

    private static List<JsonNode> demoPractices(DemoSet.Region region, String status) {
        List<String> titles = region.practices().stream().map(DemoSet.Practice::title).toList();
        JsonNode page = Http.json(Http.get(GATEWAY + "/api/documents/practices?size=100&region=" + region.region()
                + "&status=" + status, Keycloak.token(region.users().school())));
        List<JsonNode> found = new ArrayList<>();
        page.path("content").forEach(p -> {
            if (titles.contains(p.path("title").asString())) {
                found.add(p);
            }
        });
        return found;
    }

    private static List<JsonNode> practicesTitled(DemoSet.Region region, String title) {
        JsonNode page = Http.json(Http.get(GATEWAY + "/api/documents/practices?size=100&region=" + region.region()
                + "&q=" + encode(title), Keycloak.token(region.users().school())));
        List<JsonNode> found = new ArrayList<>();
        page.path("content").forEach(p -> {
            if (title.equals(p.path("title").asString())) {
                found.add(p);
            }
        });
        return found;
    }

    private static JsonNode practice(String id, String user) {
        HttpResponse<String> response = Http.get(GATEWAY + "/api/documents/practices/" + id, Keycloak.token(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static JsonNode material(DemoSet.Region region, String title) {
        JsonNode page = Http.json(Http.get(GATEWAY + "/api/documents?type=SCHOOL_MATERIAL&size=100&q=" + encode(title),
                Keycloak.token(region.users().school())));
        List<JsonNode> found = new ArrayList<>();
        page.path("content").forEach(d -> {
            if (title.equals(d.path("title").asString())) {
                found.add(d);
            }
        });
        assertThat(found).as("materials titled " + title).hasSize(1);
        return found.getFirst();
    }

    /** The region's approved seed roadmap with the demo reports (there may be more than one import of the order). */
    private static String seedRoadmap(DemoSet.Region region) {
        DemoSet.Progress progress = region.progress();
        JsonNode page = Http.json(Http.get(GATEWAY + "/api/roadmaps?size=100&status=APPROVED&region=" + region.region()
                + "&year=" + progress.year(), null));
        String first = null;
        for (JsonNode roadmap : page.path("content")) {
            if (!progress.approvingOrderNumber().equals(roadmap.path("approvingOrderNumber").asString())) {
                continue;
            }
            String id = roadmap.path("id").asString();
            first = first == null ? id : first;
            if (!Http.json(Http.get(GATEWAY + "/api/roadmaps/" + id + "/progress", Keycloak.token("fed-analyst"))).isEmpty()) {
                return id;
            }
        }
        assertThat(first).as("approved roadmap of order " + progress.approvingOrderNumber()).isNotNull();
        return first;
    }

    private static JsonNode awaitAnonymousSearch(String q, String title) {
        return Eventually.within(Duration.ofSeconds(60)).alias("the anonymous registry finds «" + title + "»")
                .until(() -> hitTitled(anonymousSearch(q), title), Objects::nonNull);
    }

    private static JsonNode hitTitled(JsonNode result, String title) {
        for (JsonNode hit : result.path("hits")) {
            if (title.equals(hit.path("title").asString())) {
                return hit;
            }
        }
        return null;
    }

    private static JsonNode anonymousSearch(String q) {
        HttpResponse<String> response = Http.get(GATEWAY + "/api/search?type=PRACTICE&size=100&q=" + encode(q), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<String> titles(JsonNode result) {
        List<String> titles = new ArrayList<>();
        result.path("hits").forEach(hit -> titles.add(hit.path("title").asString()));
        return titles;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
