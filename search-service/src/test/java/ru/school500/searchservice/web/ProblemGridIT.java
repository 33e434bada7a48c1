package ru.school500.searchservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import ru.school500.searchservice.indexing.ChangeIndexer;
import ru.school500.searchservice.indexing.IndexAdmin;
import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.ProblemGrid;
import ru.school500.searchservice.support.TcpRelay;
import ru.school500.searchservice.support.TestServers;

/**
 * The shared 401/403/404/503 grid ({@code contract/grid}) on search-service's endpoints. The service reaches the
 * tests' Elasticsearch through a relay of its own, which the outage case closes.
 */
@SpringBootTest(properties = { "platform.feed.enabled=false", "logging.level.root=WARN" })
@AutoConfigureMockMvc
@DirtiesContext
class ProblemGridIT {

    private static final TcpRelay ELASTICSEARCH = new TcpRelay(TestServers.elasticsearchUrl());

    @Autowired
    MockMvc mvc;

    @Autowired
    ChangeIndexer indexer;

    @Autowired
    IndexAdmin admin;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("platform.elasticsearch.url", ELASTICSEARCH::url);
        String prefix = "grid-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("platform.elasticsearch.index-prefix", () -> prefix);
        registry.add("platform.elasticsearch.socket-timeout", () -> "10s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    @Test
    void gridIsTheSameFileAsDocumentServices() throws IOException {
        assertThat(ProblemGrid.bytes()).isEqualTo(ProblemGrid.documentServiceCopy());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheGrid() throws Exception {
        String irkutskDraft = Changes.newId();
        admin.ensureIndices();
        indexer.apply(List.of(Changes.roadmap(irkutskDraft).region("38").status("DRAFT")
                .section("1.", "Раздел", Changes.Item.of("1.1", "Мониторинг")).change()));
        Map<String, Callable<MockHttpServletResponse>> requests = ProblemGrid.requests();
        requests.put("no-token", () -> send(get("/api/comparison").param("roadmap", irkutskDraft)));
        requests.put("no-role", () -> send(get("/api/comparison").param("roadmap", irkutskDraft)
                .with(Users.kirSchool1())));
        requests.put("not-readable", () -> send(get("/api/comparison").param("roadmap", irkutskDraft)
                .with(Users.kirOperator())));
        requests.put("nonexistent", () -> send(get("/api/comparison").param("roadmap", Changes.newId())
                .with(Users.fedAnalyst())));
        requests.put("internal-no-token", () -> send(get("/internal/admin/status")));
        requests.put("internal-not-indexer", () -> send(get("/internal/admin/status").with(Users.fedAnalyst())));
        requests.put("internal-indexer", () -> send(get("/internal/admin/status").with(Users.indexer())));
        requests.put("outage", () -> {
            ELASTICSEARCH.close();
            return send(get("/api/search").param("q", "наставничество"));
        });
        return ProblemGrid.tests(requests);
    }

    @AfterAll
    static void closeRelay() {
        ELASTICSEARCH.close();
    }

    private MockHttpServletResponse send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
