package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.upload;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import ru.school500.documentservice.document.DocumentService.ExtractionResult;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Eventually;
import ru.school500.documentservice.support.IntegrationTest;

/**
 * A practice's status changes while the extraction worker announces one of its files: both bump the file's
 * revision, which search-service uses as an external version, so the later change must carry the higher one.
 */
class PracticeFileFeedRaceIT extends IntegrationTest {

    private static final String PRACTICE = """
            {"title": "Школьная служба медиации", "authors": ["Иванова Е. П."], "direction": "MENTORING",
             "educationLevel": "BASIC_GENERAL", "riskFactors": [], "description": "Медиация конфликтов.",
             "results": "Меньше конфликтов."}""";

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final String TEXT = "Положение о службе медиации";

    private static final CurrentUser SCHOOL = new CurrentUser("sub-kir-school1", "kir-school1", Set.of(Role.SCHOOL),
            "43", "43-01", List.of("43-01-001"));

    private record FileChange(long version, String practiceStatus) {
    }

    private interface Submission {
        void run() throws Exception;
    }

    @Autowired
    private DocumentService documents;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DocumentRepository files;

    @Autowired
    private PracticeService practices;

    @Test
    void submissionDuringAnExtractionIsAnnouncedWithAHigherVersionThanTheExtraction() throws Exception {
        UUID practiceId = createPractice();
        UUID fileId = uploadFile(practiceId);

        submitDuringExtraction(fileId, () -> mvc.perform(post("/api/documents/practices/{id}/submit", practiceId)
                .with(Users.kirSchool1())).andExpect(status().isOk()));

        assertAnnouncedLastAsSubmitted(fileId);
    }

    @Test
    void fileAlreadyLoadedByTheSubmittingTransactionIsReadAgainOnceLocked() throws Exception {
        UUID practiceId = createPractice();
        UUID fileId = uploadFile(practiceId);

        submitDuringExtraction(fileId, () -> transactions.executeWithoutResult(tx -> {
            files.findById(fileId).orElseThrow();
            practices.submit(SCHOOL, practiceId);
        }));

        assertAnnouncedLastAsSubmitted(fileId);
    }

    private UUID createPractice() throws Exception {
        return UUID.fromString(json(mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE)).andExpect(status().isCreated())
                .andReturn(), "$.id"));
    }

    private UUID uploadFile(UUID practiceId) throws Exception {
        UUID fileId = UUID.fromString(json(upload(mvc, Users.kirSchool1(), MultipartBody.create()
                .field("type", "PRACTICE_FILE").field("practiceId", practiceId.toString()).field("title", "Положение")
                .file("Положение.docx", Files.docx(TEXT))).andExpect(status().isCreated()).andReturn(), "$.id"));
        awaitExtractionWorkerDone(fileId);
        return fileId;
    }

    /**
     * Records an extraction result for the file's current version in a transaction held open after the
     * announcement, submits the practice meanwhile and lets the extraction commit only once the submission
     * waits for a row it holds.
     */
    private void submitDuringExtraction(UUID fileId, Submission submission) throws Exception {
        CountDownLatch extractionAnnounced = new CountDownLatch(1);
        CountDownLatch commitExtraction = new CountDownLatch(1);
        AtomicInteger extractionBackend = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> extraction = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                extractionBackend.set(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
                documents.recordExtraction(fileId, 1, new ExtractionResult.Text(TEXT, false));
                extractionAnnounced.countDown();
                awaitQuietly(commitExtraction);
            }));
            assertThat(extractionAnnounced.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            Future<?> submitted = threads.submit(() -> {
                submission.run();
                return null;
            });
            Eventually.within(DEADLINE).alias("the submission waiting for the extraction's row lock")
                    .until(() -> waitsForRowLockOf(extractionBackend.get()));
            commitExtraction.countDown();

            extraction.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            submitted.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            commitExtraction.countDown();
        }
    }

    private void assertAnnouncedLastAsSubmitted(UUID fileId) {
        List<FileChange> changes = feedChanges(fileId);
        assertThat(changes).extracting(FileChange::version).doesNotHaveDuplicates().isSorted();
        assertThat(changes.getLast().practiceStatus()).isEqualTo("SUBMITTED");
        assertThat(revision(fileId)).isEqualTo(changes.getLast().version());
    }

    /** The worker picks the upload up by itself; its announcement must be committed before the race starts. */
    private void awaitExtractionWorkerDone(UUID fileId) {
        Eventually.within(DEADLINE).alias("the extraction worker done with " + fileId).until(() -> jdbc.sql("""
                select extraction_status from document_version where document_id = ? and version = 1""")
                .param(fileId).query(String.class).single(), s -> !s.equals("PENDING") && !s.equals("RUNNING"));
    }

    /** Some backend waits for a row (not the outbox's advisory lock, which the worker may want too) held by it. */
    private boolean waitsForRowLockOf(int backend) {
        return jdbc.sql("""
                select exists (select 1 from pg_stat_activity
                               where wait_event_type = 'Lock' and wait_event <> 'advisory'
                                 and ? = any (pg_blocking_pids(pid)))""")
                .param(backend).query(Boolean.class).single();
    }

    private List<FileChange> feedChanges(UUID fileId) {
        return jdbc.sql("""
                select version, payload -> 'visibility' ->> 'practiceStatus' as practice_status from outbox
                where type = 'DOCUMENT' and aggregate_id = ? order by position""")
                .param(fileId)
                .query((rs, n) -> new FileChange(rs.getLong("version"), rs.getString("practice_status")))
                .list();
    }

    private long revision(UUID fileId) {
        return jdbc.sql("select revision from document where id = ?").param(fileId).query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
