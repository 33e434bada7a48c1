package ru.school500.searchservice.query;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.school500.searchservice.indexing.IndexAdmin;
import ru.school500.searchservice.security.CurrentUser;

/**
 * Runs one search in the background once the service is up, so that the first real user does not pay for
 * warming the client's connections, the node's dictionary and the JIT: a cold first search took
 * longer than the gateway's 2 s limit. {@code platform.search.warm-up=false} turns it off (tests that count the
 * reads in flight).
 */
@Component
@ConditionalOnProperty(name = "platform.search.warm-up", havingValue = "true", matchIfMissing = true)
class SearchWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SearchWarmUp.class);
    private static final int ATTEMPTS = 30;

    private final IndexAdmin admin;
    private final SearchService search;

    SearchWarmUp(IndexAdmin admin, SearchService search) {
        this.admin = admin;
        this.search = search;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("search-warm-up").start(() -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    admin.ensureIndices();
                    search.search(new SearchParams("наставничество педагогов школы", null, null, null, null, null,
                            null, 0, 1, SearchParams.SortOrder.RELEVANCE, null), CurrentUser.anonymous());
                    log.info("search warmed up");
                    return;
                } catch (Exception e) {
                    sleep(Duration.ofSeconds(2));
                }
            }
            log.info("search not warmed up: Elasticsearch unavailable, the first search will be slower");
        });
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
