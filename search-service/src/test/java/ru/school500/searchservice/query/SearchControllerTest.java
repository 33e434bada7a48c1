package ru.school500.searchservice.query;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** The search endpoint's parameter limits and error mapping, with the real security configuration, no Elasticsearch. */
@WebMvcTest(controllers = SearchController.class)
@Import({ SecurityConfig.class, ProblemSecurityHandlers.class })
class SearchControllerTest {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SearchService search;

    @MockitoBean
    SuggestService suggestions;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void parametersOutOfTheirLimitsAreNamedInRussianWhateverLanguageTheCallerAsksFor() throws Exception {
        mvc.perform(get("/api/search").param("q", "наставничество").param("size", "1000").param("page", "-1")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.size").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.page").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(search);
    }

    @Test
    void operationalEndpointsRefuseAUsersTokenOnTheApplicationPort() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/loggers/tracer", "/actuator/env" }) {
            mvc.perform(get(path).with(Users.FED_ANALYST.token()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void anEmptyQueryIsAskedForInRussian() throws Exception {
        mvc.perform(get("/api/search").param("q", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.q").value("Введите поисковый запрос."));
        verifyNoInteractions(search);
    }

    @Test
    void aQueryLongerThanTheLimitIsRefusedBeforeElasticsearch() throws Exception {
        mvc.perform(get("/api/search").param("q", "а".repeat(SearchController.MAX_QUERY_LENGTH + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.q").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(search);
    }
}
