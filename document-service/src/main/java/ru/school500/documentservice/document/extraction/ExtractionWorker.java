package ru.school500.documentservice.document.extraction;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import ru.school500.documentservice.document.DocumentService;
import ru.school500.documentservice.document.DocumentService.ExtractionResult;
import ru.school500.documentservice.document.storage.ObjectStore;

/**
 * Picks up versions waiting for text extraction (a queue in the table itself: survives restarts, several
 * instances share it with {@code for update skip locked}), parses them with Tika and stores the outcome
 * through {@link DocumentService#recordExtraction}, which also announces the text on the change feed.
 */
@Component
class ExtractionWorker {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWorker.class);

    private record Job(UUID documentId, int version, String objectKey, long size, String contentType,
            String fileName) {
    }

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final DocumentService documents;
    private final ExtractionProperties properties;
    private final TextExtractor extractor;

    ExtractionWorker(JdbcClient jdbc, ObjectStore store, DocumentService documents, ExtractionProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.documents = documents;
        this.properties = properties;
        this.extractor = new TextExtractor(properties.maxTextLength(), properties.timeout());
    }

    @Scheduled(fixedDelayString = "${platform.extraction.poll-interval}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        for (int i = 0; i < 20; i++) {
            Optional<Job> job;
            try {
                job = claim();
            } catch (RuntimeException e) {
                log.warn("cannot claim extraction work: {}", e.toString());
                return;
            }
            if (job.isEmpty()) {
                return;
            }
            if (!process(job.get())) {
                return;
            }
        }
    }

    /** Takes the oldest waiting version (or one whose worker died: RUNNING for longer than twice the timeout). */
    private Optional<Job> claim() {
        Instant now = Instant.now();
        return jdbc.sql("""
                update document_version set extraction_status = 'RUNNING', extraction_started_at = ?
                where (document_id, version) = (
                    select document_id, version from document_version
                    where extraction_status = 'PENDING'
                       or (extraction_status = 'RUNNING' and extraction_started_at < ?)
                    order by uploaded_at limit 1 for update skip locked)
                returning document_id, version, object_key, size, content_type, file_name""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(properties.timeout().multipliedBy(2))))
                .query((rs, n) -> new Job(rs.getObject("document_id", UUID.class), rs.getInt("version"),
                        rs.getString("object_key"), rs.getLong("size"), rs.getString("content_type"),
                        rs.getString("file_name")))
                .optional();
    }

    /** @return false when storage is unavailable (the job goes back to the queue and the poll stops). */
    private boolean process(Job job) {
        ExtractionResult result;
        if (job.size() > properties.maxInputSize().toBytes()) {
            result = new ExtractionResult.Skipped("Файл больше " + properties.maxInputSize().toMegabytes()
                    + " МБ: текст не извлекается.");
        } else if (job.contentType().startsWith("image/")) {
            result = new ExtractionResult.Skipped("Изображение: распознавание текста (OCR) не выполняется.");
        } else {
            try (InputStream content = store.get(job.objectKey(), 0, null)) {
                result = extractor.extract(content, job.contentType(), job.fileName());
            } catch (Exception e) {
                log.warn("extraction of {} v{} postponed: {}", job.documentId(), job.version(), e.toString());
                jdbc.sql("update document_version set extraction_status = 'PENDING' where document_id = ? and version = ?")
                        .params(job.documentId(), job.version()).update();
                return false;
            }
        }
        documents.recordExtraction(job.documentId(), job.version(), result);
        if (result instanceof ExtractionResult.Failed failed) {
            // zip bombs, entity bombs, broken and encrypted files: stored as uploaded, their text is never read
            log.warn("extraction of {} v{} ({}) failed: {}", job.documentId(), job.version(), job.contentType(),
                    failed.reason());
        } else {
            log.info("extraction of {} v{}: {}", job.documentId(), job.version(), result.getClass().getSimpleName());
        }
        return true;
    }

    @PreDestroy
    void stop() {
        extractor.close();
    }
}
