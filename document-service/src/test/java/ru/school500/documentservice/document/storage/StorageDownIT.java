package ru.school500.documentservice.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertySource;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.TestServers;

/** S3 unreachable (nothing listens on the configured port): a quick 503 problem, no document row. */
@SpringBootTest
@AutoConfigureMockMvc
class StorageDownIT {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void deadStorage(DynamicPropertyRegistry registry) {
        int closed = TestServers.freePort();
        IntegrationTest.register(registry, () -> "http://127.0.0.1:" + closed);
        registry.add("platform.extraction.enabled", () -> "false");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void uploadAnswers503QuicklyWhenS3IsDown() throws Exception {
        long documents = count("document");
        Instant start = Instant.now();

        upload(mvc, Users.kirSchool1(), material("Программа", "p.pdf", Files.pdfLike(1000, 80)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value("Хранилище файлов временно недоступно, повторите попытку позже."));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(count("document")).isEqualTo(documents);
    }
}
