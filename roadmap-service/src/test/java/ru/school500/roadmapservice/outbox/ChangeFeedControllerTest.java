package ru.school500.roadmapservice.outbox;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import ru.school500.roadmapservice.security.ProblemSecurityHandlers;
import ru.school500.roadmapservice.security.SecurityConfig;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.json.JsonMapper;

/** The feed's HTTP contract (docs/conventions.md) with the real security configuration. */
@WebMvcTest(controllers = ChangeFeedController.class)
@Import({ SecurityConfig.class, ProblemSecurityHandlers.class })
class ChangeFeedControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChangeFeed feed;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void indexerGetsTheContractShape() throws Exception {
        UUID id = UUID.fromString("0b7c3c1e-7f5e-4a8e-9d33-4a4b0e3c0001");
        given(feed.after(eq(40L), eq(2))).willReturn(new ChangeBatch(List.of(new Change(41, "ROADMAP", id, 3,
                ChangeOperation.UPSERT, Instant.parse("2026-11-23T10:00:00Z"),
                JsonMapper.builder().build().readTree("{\"id\":\"" + id + "\",\"region\":\"43\"}"))), 41, false));
        mvc.perform(get("/internal/changes").param("after", "40").param("limit", "2")
                        .with(Users.indexer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].position").value(41))
                .andExpect(jsonPath("$.changes[0].type").value("ROADMAP"))
                .andExpect(jsonPath("$.changes[0].id").value(id.toString()))
                .andExpect(jsonPath("$.changes[0].version").value(3))
                .andExpect(jsonPath("$.changes[0].operation").value("UPSERT"))
                .andExpect(jsonPath("$.changes[0].occurredAt").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$.changes[0].payload.region").value("43"))
                .andExpect(jsonPath("$.nextPosition").value(41))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    @Test
    void othersAre401Or403() throws Exception {
        mvc.perform(get("/internal/changes")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/internal/changes").with(Users.fedAnalyst())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(feed);
    }

    @Test
    void limitAbove500Is400() throws Exception {
        mvc.perform(get("/internal/changes").param("limit", "501").with(Users.indexer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.limit").exists());
        given(feed.after(eq(0L), any())).willReturn(new ChangeBatch(List.of(), 0, false));
        mvc.perform(get("/internal/changes").with(Users.indexer())).andExpect(status().isOk());
    }
}
