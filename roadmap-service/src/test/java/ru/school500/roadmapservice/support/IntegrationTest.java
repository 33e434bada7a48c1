package ru.school500.roadmapservice.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Full application context with MockMvc against the embedded PostgreSQL, schema by Flyway. Every test starts
 * from empty tables (the context, and the database, are shared by all integration tests of the run). The embedded
 * Tomcat listens on a random port too, for the tests that must send raw HTTP (ContainerErrorsIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.root=WARN")
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestServers::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("truncate outbox, progress_evidence, progress_report, roadmap_item_link, roadmap_item_executor, "
                + "roadmap_item_period, roadmap_item, roadmap_section, roadmap_repealed_order, "
                + "roadmap_column_heading, roadmap, organisation_alias, organisation").update();
    }
}
