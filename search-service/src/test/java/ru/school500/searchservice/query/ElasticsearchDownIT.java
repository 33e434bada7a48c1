package ru.school500.searchservice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Elasticsearch is not there at all: searches answer 503 problem+json quickly, every time. */
@SpringBootTest(properties = "platform.feed.enabled=false")
@AutoConfigureMockMvc
class ElasticsearchDownIT {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void deadElasticsearch(DynamicPropertyRegistry registry) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;
        registry.add("platform.elasticsearch.url", () -> "http://127.0.0.1:" + closed);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    @Test
    void searchAndSuggestAnswer503ProblemWithinTwoSeconds() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            long started = System.nanoTime();
            mvc.perform(get("/api/search").param("q", "наставничество"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("недоступен")));
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
        }
        mvc.perform(get("/api/search/suggest").param("q", "настав")).andExpect(status().isServiceUnavailable());
    }
}
