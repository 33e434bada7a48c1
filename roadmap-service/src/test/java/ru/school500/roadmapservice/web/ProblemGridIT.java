package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.Users;
import ru.school500.roadmapservice.support.ProblemGrid;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared 401/403/404/503 grid ({@code contract/grid}) on roadmap-service's endpoints. The service runs on a
 * PostgreSQL of its own, which the outage case stops for real.
 */
@SpringBootTest(properties = { "logging.level.root=WARN", "logging.level.com.zaxxer.hikari=OFF",
        "spring.datasource.hikari.connection-timeout=1000" })
@AutoConfigureMockMvc
@DirtiesContext
class ProblemGridIT {

    private static final EmbeddedPostgres POSTGRES = start();
    private static boolean stopped;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void gridIsTheSameFileAsDocumentServices() throws IOException {
        assertThat(ProblemGrid.bytes()).isEqualTo(ProblemGrid.documentServiceCopy());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheGrid() throws Exception {
        RoadmapApi api = new RoadmapApi(mvc, json);
        RoadmapView irkutskDraft = api.create("irk-operator", RoadmapApi.smallDraft("38", 2021));
        String draft = api.json(RoadmapApi.smallDraft("43", 2022));
        Map<String, Callable<MockHttpServletResponse>> requests = ProblemGrid.requests();
        requests.put("no-token", () -> send(post("/api/roadmaps").contentType(MediaType.APPLICATION_JSON)
                .content(draft)));
        requests.put("no-role", () -> send(post("/api/roadmaps").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(draft)));
        requests.put("not-readable", () -> send(get("/api/roadmaps/{id}", irkutskDraft.id())
                .with(Users.kirOperator())));
        requests.put("nonexistent", () -> send(get("/api/roadmaps/{id}", UUID.randomUUID())
                .with(Users.fedAnalyst())));
        requests.put("internal-no-token", () -> send(get("/internal/changes")));
        requests.put("internal-not-indexer", () -> send(get("/internal/changes").with(Users.fedAnalyst())));
        requests.put("internal-indexer", () -> send(get("/internal/changes").with(Users.indexer())));
        requests.put("outage", () -> {
            stopDatabase();
            return send(get("/api/roadmaps/{id}", irkutskDraft.id()).with(Users.irkOperator()));
        });
        return ProblemGrid.tests(requests);
    }

    @AfterAll
    static synchronized void stopDatabase() throws IOException {
        if (!stopped) {
            stopped = true;
            POSTGRES.close();
        }
    }

    private MockHttpServletResponse send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
