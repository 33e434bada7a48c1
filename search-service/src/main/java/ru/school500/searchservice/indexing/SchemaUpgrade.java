package ru.school500.searchservice.indexing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a release that raised {@link IndexSchemas#SCHEMA}, rebuilds every index still on an older schema with
 * the zero-downtime reindex of {@link IndexAdmin} (searches keep reading the old index until the alias swaps;
 * the feed writes to both meanwhile). Runs once in the background when the service is up, retrying while
 * Elasticsearch is not reachable.
 */
@Component
class SchemaUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgrade.class);
    private static final int ATTEMPTS = 60;
    private static final Duration PAUSE = Duration.ofSeconds(5);

    private final IndexAdmin admin;

    SchemaUpgrade(IndexAdmin admin) {
        this.admin = admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeInBackground() {
        Thread.ofVirtual().name("schema-upgrade").start(() -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    upgrade();
                    return;
                } catch (IOException | RuntimeException e) {
                    log.debug("schema upgrade not possible yet: {}", e.toString());
                    pause();
                }
            }
            log.warn("indices not upgraded to schema {}: run POST /internal/admin/reindex", IndexSchemas.SCHEMA);
        });
    }

    /** Reindexes each kind whose index is older than the current schema; returns what it did. */
    List<IndexAdmin.ReindexReport> upgrade() throws IOException {
        admin.ensureIndices();
        List<IndexAdmin.ReindexReport> reports = new ArrayList<>();
        for (IndexKind kind : IndexKind.values()) {
            int schema = admin.schemaOf(kind);
            if (schema < IndexSchemas.SCHEMA) {
                log.info("{} is on schema {}: reindexing to schema {}", kind, schema, IndexSchemas.SCHEMA);
                try {
                    reports.add(admin.reindex(kind));
                } catch (IndexAdmin.ReindexInProgressException running) {
                    log.info("{}: a reindex is already running", kind);
                }
            }
        }
        return reports;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
