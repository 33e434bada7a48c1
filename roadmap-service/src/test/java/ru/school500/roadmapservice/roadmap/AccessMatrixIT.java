package ru.school500.roadmapservice.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role × region matrix of issue 4 against the real database: Kirov (43) has a draft and an approved
 * roadmap, Irkutsk (38) a draft. A draft of another region is 404 and its data appears nowhere.
 */
class AccessMatrixIT extends IntegrationTest {

    private static final String KIROV_DRAFT_TITLE = "Дорожная карта 43 2022";

    @Autowired
    JsonMapper json;

    RoadmapApi api;
    RoadmapView kirovDraft;
    RoadmapView kirovApproved;
    RoadmapView irkutskDraft;

    @BeforeEach
    void roadmaps() throws Exception {
        api = new RoadmapApi(mvc, json);
        kirovDraft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        RoadmapView toApprove = api.create("kir-operator", RoadmapApi.smallDraft("43", 2021));
        kirovApproved = api.approve(toApprove.id(), toApprove.version());
        irkutskDraft = api.create("irk-operator", RoadmapApi.smallDraft("38", 2021));
    }

    @ParameterizedTest(name = "{0} reads Kirov''s draft: {1}")
    @CsvSource({
            "fed-analyst, 200", "kir-operator, 200", "kir-ministry, 200", "kir-municipal, 200",
            "kir-school1, 404", "kir-curator, 404", "irk-operator, 404", "irk-ministry, 404", "irk-municipal, 404",
            "anonymous, 404" })
    void readingADraft(String user, int expected) throws Exception {
        for (String path : List.of("/api/roadmaps/{id}", "/api/roadmaps/{id}/export.csv", "/api/roadmaps/{id}/export.xlsx",
                "/api/roadmaps/{id}/sections/" + kirovDraft.sections().getFirst().id(),
                "/api/roadmaps/{id}/items/" + kirovDraft.sections().getFirst().items().getFirst().id())) {
            MockHttpServletResponse response = perform(get(path, kirovDraft.id()), user);
            assertThat(response.getStatus()).as(path).isEqualTo(expected);
            if (expected == 404) {
                assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(response.getContentAsString()).doesNotContain(KIROV_DRAFT_TITLE).doesNotContain("Провести");
            }
        }
    }

    @ParameterizedTest(name = "{0} reads Kirov''s approved roadmap")
    @CsvSource({ "fed-analyst", "kir-operator", "kir-ministry", "kir-municipal", "kir-school1", "kir-curator",
            "irk-operator", "irk-ministry", "irk-municipal", "anonymous" })
    void everyoneReadsAnApprovedRoadmap(String user) throws Exception {
        MockHttpServletResponse response = perform(get("/api/roadmaps/{id}", kirovApproved.id()), user);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsString()).get("title").asString())
                .isEqualTo("Дорожная карта 43 2021");
    }

    @ParameterizedTest(name = "{0} lists: Kirov draft {1}, Irkutsk draft {2}")
    @CsvSource({
            "fed-analyst, true, true", "kir-operator, true, false", "kir-ministry, true, false",
            "kir-municipal, true, false", "kir-school1, false, false", "kir-curator, false, false",
            "irk-operator, false, true", "irk-ministry, false, true", "anonymous, false, false" })
    void listingShowsOnlyReadableRoadmapsAndCountsOnlyThem(String user, boolean kirovDraftVisible,
            boolean irkutskDraftVisible) throws Exception {
        MockHttpServletResponse response = perform(get("/api/roadmaps"), user);
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode page = json.readTree(response.getContentAsString());
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(row -> ids.add(row.get("id").asString()));
        List<String> expected = new ArrayList<>(List.of(kirovApproved.id().toString()));
        if (kirovDraftVisible) {
            expected.add(kirovDraft.id().toString());
        }
        if (irkutskDraftVisible) {
            expected.add(irkutskDraft.id().toString());
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.get("totalElements").asLong()).isEqualTo(expected.size());
        // filtering by the other region does not reveal its drafts either
        JsonNode filtered = json.readTree(perform(get("/api/roadmaps").param("region", "43").param("status", "DRAFT"),
                user).getContentAsString());
        assertThat(filtered.get("totalElements").asLong()).isEqualTo(kirovDraftVisible ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} edits Kirov''s draft: {1}")
    @CsvSource({
            "kir-operator, 200", "irk-operator, 404", "kir-ministry, 403", "kir-municipal, 403", "kir-school1, 403",
            "kir-curator, 403", "fed-analyst, 403", "anonymous, 401" })
    void editingADraft(String user, int expected) throws Exception {
        MockHttpServletResponse response = perform(put("/api/roadmaps/{id}", kirovDraft.id())
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"REGIONAL\",\"title\":\"Изменено\",\"year\":2022}"), user);
        assertThat(response.getStatus()).isEqualTo(expected);
        assertThat(response.getContentType()).contains(expected == 200 ? "application/json" : "application/problem+json");
        if (expected == 401) {
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
        String title = jdbc.sql("select title from roadmap where id = :id").param("id", kirovDraft.id())
                .query(String.class).single();
        assertThat(title).isEqualTo(expected == 200 ? "Изменено" : KIROV_DRAFT_TITLE);
    }

    @ParameterizedTest(name = "{0} creates a draft for region 43: {1}")
    @CsvSource({ "kir-operator, 201", "irk-operator, 403", "kir-ministry, 403", "fed-analyst, 403", "anonymous, 401" })
    void creatingADraftOnlyInOwnRegion(String user, int expected) throws Exception {
        MockHttpServletResponse response = perform(post("/api/roadmaps").contentType(MediaType.APPLICATION_JSON)
                .content(api.json(RoadmapApi.smallDraft("43", 2023))), user);
        assertThat(response.getStatus()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from roadmap where year = 2023").query(Long.class).single())
                .isEqualTo(expected == 201 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} approves Kirov''s draft: {1}")
    @CsvSource({ "kir-ministry, 200", "irk-ministry, 404", "kir-operator, 403", "kir-municipal, 403",
            "fed-analyst, 403", "anonymous, 401" })
    void approvingADraft(String user, int expected) throws Exception {
        MockHttpServletResponse response = perform(post("/api/roadmaps/{id}/approve", kirovDraft.id())
                .header(HttpHeaders.IF_MATCH, "\"0\""), user);
        assertThat(response.getStatus()).isEqualTo(expected);
        String status = jdbc.sql("select status from roadmap where id = :id").param("id", kirovDraft.id())
                .query(String.class).single();
        assertThat(status).isEqualTo(expected == 200 ? "APPROVED" : "DRAFT");
    }

    @ParameterizedTest(name = "{0} drafts a new version of Kirov''s approved roadmap: {1}")
    @CsvSource({ "kir-operator, 201", "irk-operator, 403", "kir-ministry, 403", "anonymous, 401" })
    void draftingANewVersion(String user, int expected) throws Exception {
        MockHttpServletResponse response = perform(post("/api/roadmaps/{id}/new-version", kirovApproved.id())
                .header(HttpHeaders.IF_MATCH, "\"" + kirovApproved.version() + "\""), user);
        assertThat(response.getStatus()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reports progress on Kirov''s approved roadmap: {1}")
    @CsvSource({ "kir-municipal, 201", "kir-operator, 201", "irk-municipal, 403", "irk-operator, 403",
            "kir-ministry, 403", "kir-school1, 403", "fed-analyst, 403", "anonymous, 401" })
    void reportingProgress(String user, int expected) throws Exception {
        UUID item = kirovApproved.sections().getFirst().items().getFirst().id();
        MockHttpServletResponse response = perform(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17",
                kirovApproved.id(), item).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}"), user);
        assertThat(response.getStatus()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from progress_report").query(Long.class).single())
                .isEqualTo(expected == 201 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} reports progress on a draft: {1}")
    @CsvSource({ "kir-municipal, 409", "irk-municipal, 404" })
    void progressIsReportedOnApprovedRoadmapsOnly(String user, int expected) throws Exception {
        UUID item = kirovDraft.sections().getFirst().items().getFirst().id();
        MockHttpServletResponse response = perform(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17",
                kirovDraft.id(), item).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}"), user);
        assertThat(response.getStatus()).isEqualTo(expected);
        assertThat(response.getContentAsString()).doesNotContain(KIROV_DRAFT_TITLE);
    }

    @ParameterizedTest(name = "{0} reads progress and overdue items of Kirov: {1}")
    @CsvSource({ "fed-analyst, 200", "kir-ministry, 200", "kir-operator, 200", "kir-municipal, 200",
            "kir-school1, 403", "kir-curator, 403", "irk-operator, 403", "anonymous, 401" })
    void readingProgress(String user, int expected) throws Exception {
        assertThat(perform(get("/api/roadmaps/{id}/progress", kirovApproved.id()), user).getStatus()).isEqualTo(expected);
        assertThat(perform(get("/api/roadmaps/{id}/overdue", kirovApproved.id()).param("date", "2022-06-18"), user)
                .getStatus()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} sees item progress in the roadmap, section and item views as in /progress: {1}")
    @CsvSource({ "fed-analyst, 200", "kir-ministry, 200", "kir-operator, 200", "kir-municipal, 200",
            "kir-school1, 403", "kir-curator, 403", "irk-operator, 403", "irk-municipal, 403", "anonymous, 401" })
    void progressAppearsWhereverTheProgressEndpointWouldShowIt(String user, int progressStatus) throws Exception {
        RoadmapView.SectionView section = kirovApproved.sections().getFirst();
        UUID item = section.items().getFirst().id();
        assertThat(perform(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17", kirovApproved.id(), item)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CANCELLED\"}"), "kir-municipal")
                .getStatus()).isEqualTo(201);
        assertThat(perform(get("/api/roadmaps/{id}/progress", kirovApproved.id()), user).getStatus())
                .isEqualTo(progressStatus);

        for (String path : List.of("/api/roadmaps/{id}", "/api/roadmaps/{id}/sections/" + section.id(),
                "/api/roadmaps/{id}/items/" + item)) {
            MockHttpServletResponse response = perform(get(path, kirovApproved.id()), user);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            if (progressStatus == 200) {
                assertThat(body).as(path).contains("\"progress\"", "CANCELLED", "2022-06-17");
            } else {
                assertThat(body).as(path).doesNotContain("\"progress\"", "CANCELLED", "2022-06-17");
            }
        }
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        RequestPostProcessor as = user.equals("anonymous") ? r -> r : Users.named(user);
        return mvc.perform(request.with(as)).andReturn().getResponse();
    }
}
