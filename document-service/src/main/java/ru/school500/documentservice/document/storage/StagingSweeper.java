package ru.school500.documentservice.document.storage;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes staged objects nobody committed (a crash or a lost connection between stage and commit). */
@Component
class StagingSweeper {

    private static final Logger log = LoggerFactory.getLogger(StagingSweeper.class);

    private final StagingArea staging;
    private final StorageProperties properties;

    StagingSweeper(StagingArea staging, StorageProperties properties) {
        this.staging = staging;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${platform.storage.sweep-interval}",
            initialDelayString = "${platform.storage.sweep-interval}")
    void sweep() {
        try {
            int removed = staging.sweep(Instant.now().minus(properties.staleStagingAfter()));
            if (removed > 0) {
                log.info("removed {} stale staged objects", removed);
            }
        } catch (RuntimeException e) {
            log.warn("staging sweep failed, will retry: {}", e.toString());
        }
    }
}
