package ru.school500.searchservice.indexing.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import ru.school500.searchservice.indexing.ChangeIndexer;
import ru.school500.searchservice.indexing.IndexAdmin;

/**
 * Pulls every configured change feed in its own thread: read a page after the stored cursor, index it,
 * then store the new cursor. A failure anywhere (source service, Keycloak or Elasticsearch down) leaves
 * the cursor where it was and retries with growing pauses, so after any outage indexing resumes from the
 * last acknowledged position: at-least-once delivery, made exactly-once in effect by versioned writes.
 */
@Component
class FeedPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedProperties properties;
    private final FeedClient feeds;
    private final FeedCursors cursors;
    private final ChangeIndexer indexer;
    private final IndexAdmin admin;
    private final FeedLeases leases;
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    FeedPoller(FeedProperties properties, FeedClient feeds, FeedCursors cursors, ChangeIndexer indexer,
            IndexAdmin admin, FeedLeases leases) {
        this.properties = properties;
        this.leases = leases;
        this.feeds = feeds;
        this.cursors = cursors;
        this.indexer = indexer;
        this.admin = admin;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        properties.sources().forEach((name, urls) -> {
            statuses.put(name, FeedStatus.starting(name));
            threads.add(Thread.ofVirtual().name("feed-" + name).start(() -> pull(name, urls)));
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        properties.sources().keySet().forEach(leases::release);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    Map<String, FeedStatus> statuses() {
        return new LinkedHashMap<>(statuses);
    }

    private void pull(String name, List<URI> sources) {
        Duration backoff = properties.pollInterval();
        Long cursor = null;
        int current = 0;
        while (running) {
            try {
                admin.ensureIndices();
                if (!leases.hold(name)) {
                    // another instance pulls this feed; its cursor moves on, so read it again when taking over
                    cursor = null;
                    standBy(name);
                    sleep(properties.pollInterval().multipliedBy(4));
                    continue;
                }
                if (cursor == null) {
                    cursor = cursors.load(name);
                }
                FeedClient.FeedPage page = feeds.fetch(sources.get(current), cursor, properties.batchSize());
                if (!page.changes().isEmpty()) {
                    indexer.apply(page.changes());
                    cursors.save(name, page.nextPosition());
                }
                cursor = page.nextPosition();
                recover(name, cursor, page.changes().size());
                backoff = properties.pollInterval();
                if (!page.hasMore()) {
                    sleep(properties.pollInterval());
                }
            } catch (Exception failure) {
                if (!running) {
                    return;
                }
                cursor = null;
                admin.markUnknown();
                // another instance of the source service, if there are several
                current = (current + 1) % sources.size();
                fail(name, failure);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void recover(String name, long cursor, int indexed) {
        FeedStatus previous = statuses.get(name);
        if (previous != null && previous.lastError() != null) {
            log.info("feed {} is indexing again from position {}", name, cursor);
        }
        statuses.put(name, new FeedStatus(name, cursor, Instant.now(), null, null,
                (previous == null ? 0 : previous.indexedChanges()) + indexed, true));
    }

    private void standBy(String name) {
        FeedStatus previous = statuses.get(name);
        if (previous != null && previous.pulling()) {
            log.info("feed {}: another instance holds the lease now; standing by", name);
        }
        statuses.put(name, new FeedStatus(name, previous == null ? 0 : previous.position(),
                previous == null ? null : previous.lastSuccess(), null, null,
                previous == null ? 0 : previous.indexedChanges(), false));
    }

    private void fail(String name, Exception failure) {
        FeedStatus previous = statuses.get(name);
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (previous == null || previous.lastError() == null) {
            log.warn("feed {} paused, will retry: {}", name, message);
        } else if (!sameKind(previous.lastError(), message)) {
            // one line per kind, not per retry: the source came back and Elasticsearch went away, say
            log.warn("feed {} still paused, now: {}", name, message);
        }
        statuses.put(name, new FeedStatus(name, previous == null ? 0 : previous.position(),
                previous == null ? null : previous.lastSuccess(), message, Instant.now(),
                previous == null ? 0 : previous.indexedChanges(), previous != null && previous.pulling()));
    }

    /** Whether two failures' messages ({@code Type: detail}) name the same exception type. */
    static boolean sameKind(String before, String now) {
        return typeOf(before).equals(typeOf(now));
    }

    private static String typeOf(String message) {
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * What an operator sees at {@code GET /internal/admin/status}; {@code pulling} is whether this instance
     * holds the feed's lease (with several instances, exactly one does).
     */
    record FeedStatus(String feed, long position, Instant lastSuccess, String lastError, Instant lastErrorAt,
            long indexedChanges, boolean pulling) {

        static FeedStatus starting(String feed) {
            return new FeedStatus(feed, 0, null, null, null, 0, false);
        }
    }
}
