package ru.school500.roadmapservice.roadmap.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Progress per item and monitoring stage on the approved Kirov roadmap, and what is overdue on a date. */
class ProgressIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    RoadmapView kirov;
    Map<String, UUID> items;

    @BeforeEach
    void approvedKirov() throws Exception {
        kirov = new RoadmapApi(mvc, json).approvedKirov();
        items = kirov.sections().stream().flatMap(s -> s.items().stream())
                .collect(Collectors.toMap(RoadmapView.ItemView::number, RoadmapView.ItemView::id));
    }

    @Test
    void overdueOnADateIsADeadlinePassedWithoutADoneReport() throws Exception {
        // first monitoring stage 17.06.2022: the report sent (1.10) is done, the webinar 1.7 is still in progress
        report("1.10", "2022-06-17", null, "{\"status\":\"DONE\",\"comment\":\"Направлено в ФИОКО\"}")
                .andExpect(status().isCreated());
        report("1.7", "2022-06-17", null, "{\"status\":\"IN_PROGRESS\"}").andExpect(status().isCreated());
        // 1.9 is done, but only reported at the second stage
        report("1.9", "2022-09-16", null, "{\"status\":\"DONE\"}").andExpect(status().isCreated());

        assertThat(overdue("2022-06-18")).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.9", "2.1",
                "2.8", "3.3");
        // the deadline day itself is not overdue yet
        assertThat(overdue("2022-06-17")).doesNotContain("1.10");
        // by the second stage 1.9 is done, 2.9 (июнь) and 5.4 (октябрь 2021 – июнь 2022) have passed
        assertThat(overdue("2022-09-17")).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.11",
                "2.1", "2.8", "2.9", "2.10", "3.3", "4.2", "5.3", "5.4");

        mvc.perform(get("/api/roadmaps/{id}/overdue", kirov.id()).param("date", "2022-06-18")
                        .with(Users.kirMinistry()))
                .andExpect(jsonPath("$.items[?(@.number == '1.7')].lastStatus").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.items[?(@.number == '1.7')].lastStage").value("2022-06-17"))
                .andExpect(jsonPath("$.items[?(@.number == '1.7')].deadline").value("2022-02-18"))
                .andExpect(jsonPath("$.items[?(@.number == '1.1')].deadlineText").value("до 23.12.2021"));
    }

    @Test
    void cancelledItemsAreNotOverdue() throws Exception {
        report("1.1", "2022-06-17", null, "{\"status\":\"CANCELLED\",\"comment\":\"Отменено\"}")
                .andExpect(status().isCreated());
        assertThat(overdue("2022-06-18")).doesNotContain("1.1");
    }

    @Test
    void aStageReportIsReplacedOnlyWithItsCurrentVersion() throws Exception {
        report("1.10", "2022-06-17", null, "{\"status\":\"IN_PROGRESS\",\"evidence\":[\"" + UUID.randomUUID() + "\"]}")
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.reportedBy").value("kir-municipal"))
                .andExpect(jsonPath("$.evidence.length()").value(1));
        report("1.10", "2022-06-17", null, "{\"status\":\"DONE\"}").andExpect(status().isPreconditionRequired());
        report("1.10", "2022-06-17", "\"7\"", "{\"status\":\"DONE\"}").andExpect(status().isPreconditionFailed());
        UUID evidence = UUID.randomUUID();
        report("1.10", "2022-06-17", "\"0\"", "{\"status\":\"DONE\",\"evidence\":[\"" + evidence + "\"]}")
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.evidence[0]").value(evidence.toString()));
        // a new stage is a new report; If-Match on a report that does not exist is stale
        report("1.10", "2022-09-16", "\"0\"", "{\"status\":\"DONE\"}").andExpect(status().isPreconditionFailed());
        report("1.10", "2022-09-16", null, "{\"status\":\"DONE\"}").andExpect(status().isCreated());
        report("1.10", "2022-09-16", null, "{\"comment\":\"без статуса\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.status").exists());

        mvc.perform(get("/api/roadmaps/{id}/progress", kirov.id()).param("stage", "2022-06-17")
                        .with(Users.fedAnalyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("DONE"))
                .andExpect(jsonPath("$[0].version").value(1));
        assertThat(jdbc.sql("select count(*) from progress_report").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from progress_evidence").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReportIsAChangeOfTheRoadmapItsViewAndVersionShowIt() throws Exception {
        long before = kirov.version();
        report("1.10", "2022-06-17", null, "{\"status\":\"DONE\"}").andExpect(status().isCreated());
        mvc.perform(get("/api/roadmaps/{id}", kirov.id()).with(Users.kirMinistry()))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (before + 1) + "\""))
                .andExpect(jsonPath("$.sections[0].items[9].number").value("1.10"))
                .andExpect(jsonPath("$.sections[0].items[9].progress[0].stage").value("2022-06-17"))
                .andExpect(jsonPath("$.sections[0].items[9].progress[0].status").value("DONE"));
        // the version changes for everyone; the progress itself only shows to those who may monitor
        mvc.perform(get("/api/roadmaps/{id}", kirov.id()))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (before + 1) + "\""))
                .andExpect(jsonPath("$.sections[0].items[9].progress").doesNotExist());
    }

    @Test
    void anItemOfAnotherRoadmapIsNotFound() throws Exception {
        RoadmapView other = new RoadmapApi(mvc, json).create("kir-operator", RoadmapApi.smallDraft("43", 2023));
        UUID foreignItem = other.sections().getFirst().items().getFirst().id();
        mvc.perform(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17", kirov.id(), foreignItem)
                        .with(Users.kirMunicipal()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/roadmaps/{id}/items/{item}/progress/17.06.2022", kirov.id(), items.get("1.1"))
                        .with(Users.kirMunicipal()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.stage").exists());
    }

    private ResultActions report(String item, String stage, String ifMatch, String body) throws Exception {
        var request = put("/api/roadmaps/{id}/items/{item}/progress/{stage}", kirov.id(), items.get(item), stage)
                .with(Users.kirMunicipal()).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return mvc.perform(request);
    }

    private List<String> overdue(String date) throws Exception {
        String body = mvc.perform(get("/api/roadmaps/{id}/overdue", kirov.id()).param("date", date)
                        .with(Users.fedAnalyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(date))
                .andReturn().getResponse().getContentAsString();
        List<String> numbers = new ArrayList<>();
        for (JsonNode item : json.readTree(body).get("items")) {
            numbers.add(item.get("number").asString());
        }
        return numbers;
    }
}
