package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.order;
import static ru.school500.documentservice.document.Uploads.upload;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;

/**
 * Role × region over HTTP: who gets a school material (43-01-001), a Kirov order and its list entries.
 * Nobody outside the rules gets data: 404 for reads, never a body.
 */
class AccessMatrixIT extends IntegrationTest {

    private String material;
    private String order;

    private static Map<String, RequestPostProcessor> users() {
        Map<String, RequestPostProcessor> users = new LinkedHashMap<>();
        users.put("kir-school1", Users.kirSchool1());
        users.put("kir-school2", Users.kirSchool2());
        users.put("kir-curator", Users.kirCurator());
        users.put("kir-municipal", Users.kirMunicipal());
        users.put("kir-municipal2", Users.kirOtherMunicipal());
        users.put("kir-operator", Users.kirOperator());
        users.put("kir-ministry", Users.kirMinistry());
        users.put("irk-operator", Users.irkOperator());
        users.put("irk-school1", Users.irkSchool1());
        users.put("irk-ministry", Users.irkMinistry());
        users.put("fed-analyst", Users.fedAnalyst());
        users.put("indexer", Users.indexer());
        return users;
    }

    @BeforeEach
    void documents() throws Exception {
        material = json(upload(mvc, Users.kirSchool1(), material("Среднесрочная программа", "m.pdf",
                Files.pdfLike(1000, 70))).andExpect(status().isCreated()).andReturn(), "$.id");
        order = json(upload(mvc, Users.kirMinistry(), order("70-matrix", "o.pdf", Files.pdfLike(1000, 71)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    @Test
    void schoolMaterialIsReadByItsSchoolCuratorMunicipalityAndRegionOnly() throws Exception {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("kir-school1", 200), Map.entry("kir-school2", 404), Map.entry("kir-curator", 200),
                Map.entry("kir-municipal", 200), Map.entry("kir-municipal2", 404), Map.entry("kir-operator", 200),
                Map.entry("kir-ministry", 404), Map.entry("irk-operator", 404), Map.entry("irk-school1", 404),
                Map.entry("irk-ministry", 404), Map.entry("fed-analyst", 404), Map.entry("indexer", 404));
        assertMatrix("/api/documents/" + material, expected);
        assertMatrix("/api/documents/" + material + "/content", expected);
        mvc.perform(get("/api/documents/{id}", material)).andExpect(status().isUnauthorized());
    }

    @Test
    void ordersAreReadInTheirRegionAndByFederalAnalysts() throws Exception {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("kir-school1", 200), Map.entry("kir-school2", 200), Map.entry("kir-curator", 200),
                Map.entry("kir-municipal", 200), Map.entry("kir-municipal2", 200), Map.entry("kir-operator", 200),
                Map.entry("kir-ministry", 200), Map.entry("irk-operator", 404), Map.entry("irk-school1", 404),
                Map.entry("irk-ministry", 404), Map.entry("fed-analyst", 200), Map.entry("indexer", 404));
        assertMatrix("/api/documents/" + order, expected);
    }

    @Test
    void listsShowExactlyWhatTheCallerMayOpen() throws Exception {
        for (Map.Entry<String, RequestPostProcessor> user : users().entrySet()) {
            MvcResult page = mvc.perform(get("/api/documents").param("size", "500").with(user.getValue()))
                    .andExpect(status().isOk()).andReturn();
            List<String> listed = JsonPath.read(page.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.content[*].id");
            for (String id : listed) {
                assertThat(statusOf(user.getValue(), "/api/documents/" + id)).as(user.getKey() + " opens " + id)
                        .isEqualTo(200);
            }
            assertThat(listed.contains(material)).as(user.getKey())
                    .isEqualTo(statusOf(user.getValue(), "/api/documents/" + material) == 200);
            if (user.getKey().startsWith("irk")) {
                List<String> kirovTypes = JsonPath.read(page.getResponse().getContentAsString(StandardCharsets.UTF_8),
                        "$.content[?(@.region == '43')].type");
                assertThat(kirovTypes).as(user.getKey() + " sees of Kirov only files of published practices")
                        .allMatch("PRACTICE_FILE"::equals);
            }
        }
    }

    /** The drift issue 19 names: the list showed practice files only to their school, GET to every reader. */
    @Test
    void aPracticeFileIsListedToWhoeverMayOpenIt() throws Exception {
        String practice = draftPractice();
        String file = practiceFile(practice);
        assertThat(statusOf(Users.kirOperator(), "/api/documents/" + file)).isEqualTo(404);
        assertThat(listedFor(Users.kirOperator(), practice)).doesNotContain(file);
        assertThat(listedFor(Users.kirSchool1(), practice)).containsExactly(file);

        mvc.perform(post("/api/documents/practices/{id}/submit", practice).with(Users.kirSchool1()))
                .andExpect(status().isOk());
        for (RequestPostProcessor reader : List.of(Users.kirOperator(), Users.kirCurator(), Users.kirMunicipal(),
                Users.kirSchool1())) {
            assertThat(statusOf(reader, "/api/documents/" + file)).isEqualTo(200);
            assertThat(listedFor(reader, practice)).containsExactly(file);
        }
        assertThat(statusOf(Users.kirSchool2(), "/api/documents/" + file)).isEqualTo(404);
        assertThat(listedFor(Users.kirSchool2(), practice)).isEmpty();
    }

    /** The leak issue 19 names: a deleted file fell back to "may restore", so the operator saw a draft's file. */
    @Test
    void aDeletedFileOfADraftPracticeStaysWithItsSchool() throws Exception {
        String practice = draftPractice();
        String file = practiceFile(practice);
        mvc.perform(delete("/api/documents/{id}", file).with(Users.kirSchool1())).andExpect(status().isOk());

        assertThat(statusOf(Users.kirOperator(), "/api/documents/" + file)).isEqualTo(404);
        mvc.perform(post("/api/documents/{id}/restore", file).with(Users.kirOperator()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(Users.kirSchool1(), "/api/documents/" + file)).isEqualTo(200);
        MvcResult deleted = mvc.perform(get("/api/documents").param("deleted", "true")
                .param("practiceId", practice).with(Users.kirSchool1())).andExpect(status().isOk()).andReturn();
        assertThat(JsonPath.<List<String>>read(deleted.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.content[*].id")).containsExactly(file);
        MvcResult hidden = mvc.perform(get("/api/documents").param("deleted", "true")
                .param("practiceId", practice).with(Users.kirOperator())).andExpect(status().isOk()).andReturn();
        assertThat(JsonPath.<List<String>>read(hidden.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.content[*].id")).isEmpty();
    }

    private String draftPractice() throws Exception {
        return json(mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Школьная медиация", "authors": ["Иванова Е. П."], "direction": "MENTORING",
                         "educationLevel": "BASIC_GENERAL", "description": "Служба примирения."}"""))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private String practiceFile(String practice) throws Exception {
        return json(upload(mvc, Users.kirSchool1(), MultipartBody.create().field("type", "PRACTICE_FILE")
                .field("practiceId", practice).field("title", "Положение о службе")
                .file("Положение.docx", Files.docx("Положение о службе примирения"))).andExpect(status().isCreated())
                .andReturn(), "$.id");
    }

    private List<String> listedFor(RequestPostProcessor user, String practice) throws Exception {
        MvcResult page = mvc.perform(get("/api/documents").param("practiceId", practice).with(user))
                .andExpect(status().isOk()).andReturn();
        return JsonPath.read(page.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.content[*].id");
    }

    private int statusOf(RequestPostProcessor user, String path) throws Exception {
        return mvc.perform(get(path).with(user)).andReturn().getResponse().getStatus();
    }

    @Test
    void curatorCommentsOnItsSchoolsMaterialsOthersCannot() throws Exception {
        String comment = "{\"text\": \"Уточните показатели на 2025 год\"}";
        mvc.perform(post("/api/documents/{id}/comments", material).with(Users.kirCurator())
                .contentType(MediaType.APPLICATION_JSON).content(comment)).andExpect(status().isCreated());
        mvc.perform(post("/api/documents/{id}/comments", material).with(Users.kirMunicipal())
                .contentType(MediaType.APPLICATION_JSON).content(comment)).andExpect(status().isForbidden());
        mvc.perform(post("/api/documents/{id}/comments", material).with(Users.irkOperator())
                .contentType(MediaType.APPLICATION_JSON).content(comment)).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/comments", material).with(Users.kirSchool1()))
                .andExpect(status().isOk());
    }

    @Test
    void federalAnalystsSeeMaterialsOnlyInAggregate() throws Exception {
        mvc.perform(get("/api/documents/statistics").with(Users.fedAnalyst())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/statistics").with(Users.kirSchool1())).andExpect(status().isForbidden());
    }

    private void assertMatrix(String path, Map<String, Integer> expected) throws Exception {
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (Map.Entry<String, RequestPostProcessor> user : users().entrySet()) {
            actual.put(user.getKey(), mvc.perform(get(path).with(user.getValue())).andReturn().getResponse()
                    .getStatus());
        }
        assertThat(actual).as(path).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
