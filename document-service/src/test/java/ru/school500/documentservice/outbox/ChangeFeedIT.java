package ru.school500.documentservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Eventually;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.TestServers;

/** The change feed for search-service, and Tika extraction announced on it. */
class ChangeFeedIT extends IntegrationTest {

    @Autowired
    private OutboxWriter outbox;

    @Autowired
    private TransactionTemplate transactions;

    private long lastPosition() {
        return jdbc.sql("select coalesce(max(position), 0) from outbox").query(Long.class).single();
    }

    private String feed(long after) throws Exception {
        return mvc.perform(get("/internal/changes").param("after", String.valueOf(after)).param("limit", "500")
                .with(Users.indexer())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Polls the feed until the JSONPath filter matches something; answers that page. */
    private String awaitFeed(long after, String filter) {
        return Eventually.within(Duration.ofSeconds(30)).alias("a feed entry matching " + filter)
                .until(() -> feed(after), page -> !JsonPath.<List<Object>>read(page, filter).isEmpty());
    }

    /** Polls the feed until a change of this document matches, with a deadline (never a fixed sleep). */
    private Map<String, Object> awaitChange(long after, String id, String extractionStatus) {
        String filter = "$.changes[?(@.id == '" + id + "' && @.payload.extractionStatus == '" + extractionStatus
                + "')]";
        return Eventually.within(Duration.ofSeconds(30)).alias("a " + extractionStatus + " change of " + id)
                .until(() -> JsonPath.<List<Map<String, Object>>>read(feed(after), filter),
                        changes -> !changes.isEmpty())
                .getLast();
    }

    @Test
    void feedNeedsTheIndexerRole() throws Exception {
        mvc.perform(get("/internal/changes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/internal/changes").with(Users.fedAnalyst())).andExpect(status().isForbidden());
        mvc.perform(get("/internal/changes").param("limit", "501").with(Users.indexer()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void uploadDeleteAndRestoreAreAnnouncedWithVisibilityFields() throws Exception {
        long after = lastPosition();
        String id = json(upload(mvc, Users.kirSchool1(), material("Антирисковая программа", "anti.pdf",
                Files.pdfLike(2000, 60))).andExpect(status().isCreated()).andReturn(), "$.id");
        mvc.perform(delete("/api/documents/{id}", id).with(Users.kirSchool1())).andExpect(status().isOk());

        // a change shows in the feed once no older transaction (the extraction worker's, say) can still commit
        String page = awaitFeed(after, "$.changes[?(@.id == '" + id + "' && @.operation == 'DELETE')]");
        List<Map<String, Object>> mine = JsonPath.read(page, "$.changes[?(@.id == '" + id + "')]");
        assertThat(mine).extracting(c -> c.get("type")).containsOnly("DOCUMENT");
        assertThat(mine).extracting(c -> c.get("operation")).contains("UPSERT", "DELETE");
        Map<String, Object> deleted = mine.stream().filter(c -> c.get("operation").equals("DELETE")).findFirst()
                .orElseThrow();
        assertThat(JsonPath.<Map<String, Object>>read(deleted, "$.payload.visibility"))
                .containsEntry("region", "43").containsEntry("school", "43-01-001").containsEntry("public", false);
        List<Integer> versions = mine.stream().map(c -> ((Number) c.get("version")).intValue()).toList();
        assertThat(versions).isSorted();
        assertThat(JsonPath.<Integer>read(page, "$.nextPosition")).isGreaterThan((int) after);
    }

    @Test
    void failedUploadsAndRolledBackTransactionsLeaveNoOutboxRows() throws Exception {
        long before = count("outbox");
        upload(mvc, Users.kirSchool1(), material("Неизвестный риск", "x.pdf", Files.pdfLike(1000, 61)).field("riskFactors", "ASTROLOGY"))
                .andExpect(status().isBadRequest());
        upload(mvc, Users.kirSchool1(), material("Чужая школа", "x.pdf", Files.pdfLike(1000, 62))
                .field("school", "38-01-001")).andExpect(status().isForbidden());
        try {
            transactions.executeWithoutResult(tx -> {
                outbox.append(OutboxWriter.Type.DOCUMENT, UUID.randomUUID(), 1, OutboxWriter.Operation.UPSERT,
                        Map.of("rolledBack", true));
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the business transaction failed
        }
        assertThat(count("outbox")).isEqualTo(before);
    }

    @Test
    void rowsOfTransactionsYoungerThanARunningOneWaitUntilItEnds() throws Exception {
        long after = lastPosition();
        try (Connection open = DriverManager.getConnection(TestServers.jdbcUrl(), "postgres", "postgres")) {
            open.setAutoCommit(false);
            try (Statement statement = open.createStatement()) {
                statement.execute("select pg_current_xact_id()");
            }
            String id = json(upload(mvc, Users.kirSchool1(), material("Отчёт", "r.pdf", Files.pdfLike(1000, 63)))
                    .andExpect(status().isCreated()).andReturn(), "$.id");

            assertThat(JsonPath.<List<Object>>read(feed(after), "$.changes[?(@.id == '" + id + "')]")).isEmpty();
            open.commit();
            // other transactions (the extraction worker's) may still hold the horizon back for a moment
            awaitFeed(after, "$.changes[?(@.id == '" + id + "')]");
        }
    }

    @Test
    void pdfAndDocxTextIsExtractedAndAnnounced() throws Exception {
        long after = lastPosition();
        String pdf = json(upload(mvc, Users.kirSchool1(), material("Программа наставничества", "mentoring.pdf",
                Files.pdf("Программа наставничества молодых педагогов"))).andExpect(status().isCreated())
                .andReturn(), "$.id");
        String docx = json(upload(mvc, Users.kirSchool1(), material("Концепция", "concept.docx",
                Files.docx("Концепция развития школы: школьная медиация"))).andExpect(status().isCreated())
                .andReturn(), "$.id");

        Map<String, Object> pdfChange = awaitChange(after, pdf, "DONE");
        assertThat(JsonPath.<String>read(pdfChange, "$.payload.text")).contains("наставничества молодых педагогов");
        Map<String, Object> docxChange = awaitChange(after, docx, "DONE");
        assertThat(JsonPath.<String>read(docxChange, "$.payload.text")).contains("школьная медиация");
        assertThat(JsonPath.<String>read(docxChange, "$.payload.visibility.school")).isEqualTo("43-01-001");
        mvc.perform(get("/api/documents/{id}", docx).with(Users.kirSchool1()))
                .andExpect(jsonPath("$.extractionStatus").value("DONE"));
    }

    @Test
    void zipBombDocxEndsAsARecordedExtractionFailureAndStaysDownloadable() throws Exception {
        long after = lastPosition();
        byte[] bomb = Files.zipBombDocx();
        String id = json(upload(mvc, Users.kirSchool1(), material("Бомба", "bomb.docx", bomb))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        awaitChange(after, id, "FAILED");
        mvc.perform(get("/api/documents/{id}", id).with(Users.kirSchool1()))
                .andExpect(jsonPath("$.extractionStatus").value("FAILED"))
                .andExpect(jsonPath("$.extractionError").isNotEmpty());
        assertThat(mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(bomb);
    }
}
