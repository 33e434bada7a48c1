package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values no column can hold (NUL, numbers and dates beyond the database's range, offsets beyond its OFFSET) are
 * 400 problem+json naming the field, and nothing is stored: one test per class of value.
 */
class UnstorableInputIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    RoadmapApi api;
    RoadmapView draft;

    @BeforeEach
    void aDraft() throws Exception {
        api = new RoadmapApi(mvc, json);
        draft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
    }

    @Test
    void aNulCharacterInAnyStoredStringIsA400NamingTheField() throws Exception {
        String roadmap = api.json(RoadmapApi.smallDraft("43", 2023)).replace("Дорожная карта 43 2023",
                "Дорожная\\u0000карта");
        assertBadRequest(post("/api/roadmaps").content(roadmap), "kir-operator", "title");

        String item = api.json(RoadmapApi.smallDraft("43", 2023).sections().getFirst().items().getFirst())
                .replace("Провести установочный вебинар", "Провести\\u0000вебинар");
        assertBadRequest(put("/api/roadmaps/{id}/items/{item}", draft.id(), firstItem(draft)).content(item)
                .header(HttpHeaders.IF_MATCH, "\"" + draft.version() + "\""), "kir-operator", "task");

        assertBadRequest(post("/api/roadmaps/{id}/sections", draft.id())
                .content("{\"number\":\"2.\",\"title\":\"Раздел\",\"position\":null,\"x\":1}".replace("Раздел",
                        "Раз\\u0000дел"))
                .header(HttpHeaders.IF_MATCH, "\"" + draft.version() + "\""), "kir-operator", "title");

        RoadmapView approved = api.approvedKirov();
        assertBadRequest(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17", approved.id(), firstItem(approved))
                .content("{\"status\":\"IN_PROGRESS\",\"comment\":\"сделано\\u0000\"}"), "kir-municipal", "comment");

        MockHttpServletResponse filter = mvc.perform(get("/api/roadmaps").param("region", "4\u00003")
                .with(Users.kirOperator())).andReturn().getResponse();
        assertThat(filter.getStatus()).isEqualTo(400);
        assertThat(filter.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

        assertThat(jdbc.sql("select count(*) from roadmap").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from progress_report").query(Long.class).single()).isZero();
    }

    @Test
    void numbersAndDatesTheDatabaseCannotHoldAreA400NamingTheField() throws Exception {
        String small = api.json(RoadmapApi.smallDraft("43", 2023));
        assertBadRequest(post("/api/roadmaps").content(small.replace("\"indicatorQuantity\":1", "\"indicatorQuantity\":1e400")),
                "kir-operator", "indicatorQuantity");
        assertBadRequest(post("/api/roadmaps").content(small.replace("\"indicatorQuantity\":1",
                "\"indicatorQuantity\":1234567890123.5")), "kir-operator", "indicatorQuantity");
        assertBadRequest(post("/api/roadmaps").content(small.replace("\"2023-03-31\"", "\"+999999999-12-31\"")),
                "kir-operator", "end");
        assertBadRequest(post("/api/roadmaps").content(small.replace("\"year\":2023",
                "\"year\":null,\"periodStart\":\"-999999999-01-01\",\"periodEnd\":\"2023-12-31\"")),
                "kir-operator", "periodStart");

        RoadmapView approved = api.approvedKirov();
        assertBadRequest(put("/api/roadmaps/{id}/items/{item}/progress/{stage}", approved.id(), firstItem(approved),
                "+999999999-12-31").content("{\"status\":\"DONE\"}"), "kir-municipal", "stage");

        assertThat(jdbc.sql("select count(*) from roadmap").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from progress_report").query(Long.class).single()).isZero();
    }

    @Test
    void aPageBeyondAnyOffsetIsA400AndTheLastAllowedPageIsEmpty() throws Exception {
        for (String page : List.of("2147483647", "1000001")) {
            MockHttpServletResponse response = mvc.perform(get("/api/roadmaps").param("page", page).param("size", "100")
                    .with(Users.fedAnalyst())).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).at("/fields/page").asString())
                    .contains("1000000");
        }
        MockHttpServletResponse last = mvc.perform(get("/api/roadmaps").param("page", "1000000").param("size", "100")
                .with(Users.fedAnalyst())).andReturn().getResponse();
        assertThat(last.getStatus()).isEqualTo(200);
        assertThat(json.readTree(last.getContentAsString(StandardCharsets.UTF_8)).path("content")).isEmpty();
    }

    private void assertBadRequest(MockHttpServletRequestBuilder request, String user, String fieldEnding)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .with(Users.named(user))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode fields = json.readTree(body).path("fields");
        assertThat(fields.propertyNames()).as(body).anySatisfy(field -> assertThat(field).endsWith(fieldEnding));
        assertThat(body).containsPattern("[а-яА-Я]");
    }

    private static UUID firstItem(RoadmapView roadmap) {
        return roadmap.sections().getFirst().items().getFirst().id();
    }
}
