package ru.school500.documentservice.practice;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

import ru.school500.documentservice.security.ProblemSecurityHandlers;
import ru.school500.documentservice.security.SecurityConfig;
import ru.school500.documentservice.security.Users;

/** The practice endpoints' input checks and error mapping, with the real security configuration and no database. */
@WebMvcTest(controllers = PracticeController.class)
@Import({ SecurityConfig.class, ProblemSecurityHandlers.class })
class PracticeControllerTest {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PracticeService practices;

    @MockitoBean
    ReferenceLists references;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void anIncompletePracticeIsRefusedFieldByFieldInRussianWhateverLanguageTheCallerAsksFor() throws Exception {
        mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"authors\":[],\"direction\":\"MENTORING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.title").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.authors").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.educationLevel").value(Matchers.matchesPattern(CYRILLIC)))
                .andExpect(jsonPath("$.fields.description").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(practices);
    }

    @Test
    void anAnonymousCallerCannotSubmitAPractice() throws Exception {
        mvc.perform(post("/api/documents/practices").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.matchesPattern(CYRILLIC)));
        verifyNoInteractions(practices);
    }
}
