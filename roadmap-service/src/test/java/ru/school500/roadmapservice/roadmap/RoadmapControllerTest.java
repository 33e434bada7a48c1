package ru.school500.roadmapservice.roadmap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import ru.school500.roadmapservice.security.ProblemSecurityHandlers;
import ru.school500.roadmapservice.security.SecurityConfig;
import ru.school500.roadmapservice.security.Users;
import ru.school500.roadmapservice.web.Problems;

/**
 * The HTTP contract of the roadmap endpoints with the real security configuration and a mocked service: the
 * 200/401/403/400/404/428 grid, problem+json bodies and the page shape.
 */
@WebMvcTest(controllers = { RoadmapController.class, RoadmapPartsController.class })
@Import({ SecurityConfig.class, ProblemSecurityHandlers.class })
class RoadmapControllerTest {

    private static final UUID ID = UUID.fromString("0b7c3c1e-7f5e-4a8e-9d33-4a4b0e3c0001");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoadmapService service;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void anonymousListsInAStablePageShape() throws Exception {
        given(service.list(any(), eq(0), eq(20), any())).willReturn(new PageResponse<>(List.of(summary()), 0, 20, 1, 1));
        mvc.perform(get("/api/roadmaps"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(ID.toString()))
                .andExpect(jsonPath("$.content[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.totalPages").value(1));
    }

    @Test
    void anonymousWriteIs401ProblemWithBearerChallenge() throws Exception {
        mvc.perform(post("/api/roadmaps").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Требуется вход")));
        verifyNoInteractions(service);
    }

    @Test
    void writesNeedTheRightRole() throws Exception {
        mvc.perform(post("/api/roadmaps").with(Users.kirSchool1())
                        .contentType(MediaType.APPLICATION_JSON).content(validDraft()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/roadmaps/{id}/approve", ID).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/roadmaps/{id}/items/{item}/progress/2022-06-17", ID, ID).with(Users.kirSchool1())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(service);
    }

    @Test
    void operatorCreatesADraft() throws Exception {
        given(service.createDraft(any(), any())).willReturn(view());
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content(validDraft()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/roadmaps/" + ID))
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
        verify(service).createDraft(any(), any());
    }

    @Test
    void ministryApprovesWithIfMatch() throws Exception {
        given(service.approve(eq(ID), eq(3L), any(), any())).willReturn(view());
        mvc.perform(post("/api/roadmaps/{id}/approve", ID).with(Users.kirMinistry())
                        .header(HttpHeaders.IF_MATCH, "\"3\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
    }

    @Test
    void invalidBodyIs400NamingTheFields() throws Exception {
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"REGIONAL\",\"title\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fields.title").exists())
                .andExpect(jsonPath("$.fields.yearOrPeriod").exists());
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content("{не json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Тело запроса не читается как JSON ожидаемого вида."));
        verifyNoInteractions(service);
    }

    @Test
    void fieldMessagesAreRussianWhateverLanguageTheCallerAsksFor() throws Exception {
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator()).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"REGIONAL\",\"title\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.title").value(matchesPattern(".*\\p{IsCyrillic}.*")))
                .andExpect(jsonPath("$.detail").value(matchesPattern(".*\\p{IsCyrillic}.*")));
        verifyNoInteractions(service);
    }

    @Test
    void writeWithoutIfMatchIs428() throws Exception {
        mvc.perform(put("/api/roadmaps/{id}", ID).with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"REGIONAL\",\"title\":\"Т\",\"year\":2022}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(service);
    }

    @Test
    void notFoundAndServiceLevelDenialsAreProblems() throws Exception {
        given(service.get(eq(ID), any())).willThrow(Problems.notFound("Дорожная карта не найдена."));
        mvc.perform(get("/api/roadmaps/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Дорожная карта не найдена."));

        UUID other = UUID.randomUUID();
        given(service.get(eq(other), any())).willThrow(new AccessDeniedException("нет"));
        mvc.perform(get("/api/roadmaps/{id}", other))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        mvc.perform(get("/api/roadmaps/{id}", other).with(Users.kirSchool1()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/no-such-thing").with(Users.kirOperator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unexpectedFailuresAreProblemsWithoutInternals() throws Exception {
        given(service.get(eq(ID), any())).willThrow(new IllegalStateException("SQL state 42P01 at host db-7"));
        mvc.perform(get("/api/roadmaps/{id}", ID))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Внутренняя ошибка")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("db-7"))));
        given(service.createDraft(any(), any()))
                .willThrow(new org.springframework.dao.DataIntegrityViolationException("organisation_region_name"));
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content(validDraft()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static RoadmapSummary summary() {
        return new RoadmapSummary(ID, "43", null, RoadmapLevel.REGIONAL, "Дорожная карта", 2022, null, null,
                RoadmapStatus.APPROVED, 1, 3, "324", null, Instant.parse("2022-03-16T10:00:00Z"));
    }

    private static RoadmapView view() {
        return new RoadmapView(ID, "43", null, RoadmapLevel.REGIONAL, "Дорожная карта", 2022, null, null,
                RoadmapStatus.DRAFT, 1, null, null, 3, null, List.of(), List.of(), List.of(), "kir-operator",
                Instant.now(), "kir-operator", Instant.now(), null, null);
    }

    private static String validDraft() {
        return "{\"region\":\"43\",\"level\":\"REGIONAL\",\"title\":\"Дорожная карта\",\"year\":2022}";
    }
}
