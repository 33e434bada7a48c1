package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.order;
import static ru.school500.documentservice.document.Uploads.upload;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
    void listsShowOnlyWhatTheCallerMayRead() throws Exception {
        for (Map.Entry<String, RequestPostProcessor> user : users().entrySet()) {
            String page = mvc.perform(get("/api/documents").param("size", "500").with(user.getValue()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            int single = mvc.perform(get("/api/documents/{id}", material).with(user.getValue())).andReturn()
                    .getResponse().getStatus();
            assertThat(page.contains(material)).as(user.getKey()).isEqualTo(single == 200);
            assertThat(page).as(user.getKey() + " sees only its region or orders")
                    .doesNotContain(user.getKey().startsWith("irk") ? "\"region\":\"43\"" : "\u0000");
        }
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
