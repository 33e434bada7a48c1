package ru.school500.documentservice.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.Uploads;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.ProblemGrid;
import ru.school500.documentservice.support.TestServers;

/**
 * The shared 401/403/404/503 grid ({@code contract/grid}) on document-service's endpoints. The service runs on a
 * PostgreSQL of its own (and the tests' S3Proxy), which the outage case stops for real.
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

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        IntegrationTest.register(registry, () -> TestServers.s3().endpoint());
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("platform.extraction.enabled", () -> "false");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheGrid() throws Exception {
        String material = Uploads.json(upload(mvc, Users.kirSchool1(),
                material("Программа развития", "p.pdf", Files.pdfLike(1000, 19)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        Map<String, Callable<MockHttpServletResponse>> requests = ProblemGrid.requests();
        requests.put("no-token", () -> send(get("/api/documents")));
        requests.put("no-role", () -> send(get("/api/documents/statistics").with(Users.kirSchool1())));
        requests.put("not-readable", () -> send(get("/api/documents/{id}", material).with(Users.irkOperator())));
        requests.put("nonexistent", () -> send(get("/api/documents/{id}", UUID.randomUUID())
                .with(Users.kirOperator())));
        requests.put("internal-no-token", () -> send(get("/internal/changes")));
        requests.put("internal-not-indexer", () -> send(get("/internal/changes").with(Users.fedAnalyst())));
        requests.put("internal-indexer", () -> send(get("/internal/changes").with(Users.indexer())));
        requests.put("outage", () -> {
            stopDatabase();
            return send(get("/api/documents/{id}", material).with(Users.kirSchool1()));
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
