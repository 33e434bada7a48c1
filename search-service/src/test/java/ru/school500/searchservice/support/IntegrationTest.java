package ru.school500.searchservice.support;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ru.school500.searchservice.indexing.ChangeIndexer;
import ru.school500.searchservice.indexing.FeedChange;
import ru.school500.searchservice.indexing.IndexAdmin;

/**
 * Base of the integration tests: the service against a real Elasticsearch with the Russian analysis, one
 * Spring context for all subclasses, its own index prefix per JVM. The feed pollers are off: tests hand
 * feed changes (shaped like the source services' payloads, see {@code Changes}) straight to the indexer,
 * which is the code path the pollers use; the whole feed path runs in the end-to-end tests.
 */
@SpringBootTest(properties = "platform.feed.enabled=false")
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    private static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ChangeIndexer indexer;

    @Autowired
    protected IndexAdmin admin;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("platform.elasticsearch.url", TestServers::elasticsearchUrl);
        registry.add("platform.elasticsearch.index-prefix", () -> PREFIX);
        registry.add("platform.elasticsearch.socket-timeout", () -> "10s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    protected void index(FeedChange... changes) throws Exception {
        admin.ensureIndices();
        indexer.apply(List.of(changes));
    }
}
