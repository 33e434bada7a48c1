package ru.school500.searchservice.comparison;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import ru.school500.searchservice.security.ProblemSecurityHandlers;
import ru.school500.searchservice.security.SecurityConfig;
import ru.school500.searchservice.security.Users;

/** The comparison endpoints' input checks and role gates, with the real security configuration, no Elasticsearch. */
@WebMvcTest(controllers = ComparisonController.class)
@Import({ SecurityConfig.class, ProblemSecurityHandlers.class })
class ComparisonControllerTest {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ComparisonService comparisons;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void anOverrideWithoutCategoriesIsRefusedFieldByFieldInRussian() throws Exception {
        mvc.perform(put("/api/comparison/classifications/{id}", UUID.randomUUID()).with(Users.fedAnalyst())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"без категорий\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.categories").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(comparisons);
    }

    @Test
    void aRoadmapThatIsNoIdentifierIsNamedInRussian() throws Exception {
        mvc.perform(get("/api/comparison").param("roadmap", "not-a-uuid").with(Users.fedAnalyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.*").value(Matchers.hasItem(
                        "ожидается идентификатор дорожной карты (UUID)")));
        verifyNoInteractions(comparisons);
    }

    @Test
    void aSchoolMayNotCompareRoadmaps() throws Exception {
        mvc.perform(get("/api/comparison").param("roadmap", UUID.randomUUID().toString()).with(Users.kirSchool1()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(comparisons);
    }
}
