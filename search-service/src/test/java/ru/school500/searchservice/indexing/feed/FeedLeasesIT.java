package ru.school500.searchservice.indexing.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import ru.school500.searchservice.indexing.IndexNames;
import ru.school500.searchservice.support.Eventually;
import ru.school500.searchservice.support.IntegrationTest;

/** Two (or more) search-service instances share one Elasticsearch: each feed is pulled by one of them. */
class FeedLeasesIT extends IntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Autowired
    private ElasticsearchClient client;

    @Autowired
    private IndexNames names;

    private String feed;

    @BeforeEach
    void freshFeed() throws Exception {
        admin.ensureIndices();
        feed = "feed-" + UUID.randomUUID();
    }

    private FeedLeases instance(String name) {
        return new FeedLeases(client, names, LEASE, name, Clock.systemUTC());
    }

    @Test
    void whileOneInstanceHoldsAFeedTheOtherStandsByEvenAcrossRenewals() throws Exception {
        FeedLeases first = instance("first");
        FeedLeases second = instance("second");
        assertThat(first.hold(feed)).isTrue();
        // the holder keeps polling (and renewing) past the lease's own duration; the other never gets the feed
        Eventually.within(LEASE.multipliedBy(3)).during(LEASE.multipliedBy(2)).pollInterval(Duration.ofMillis(100))
                .failFast("the holder lost the feed or the standby took it",
                        () -> !first.hold(feed) || second.hold(feed))
                .until(() -> true);
    }

    @Test
    void whenTheHolderDiesAnotherInstanceTakesTheFeedOverOnceTheLeaseExpires() throws Exception {
        FeedLeases dead = instance("dead");
        FeedLeases survivor = instance("survivor");
        // the lease runs from the moment the holder asked for it
        Instant died = Instant.now();
        assertThat(dead.hold(feed)).isTrue();
        Eventually.within(Duration.between(Instant.now(), died.plus(LEASE.multipliedBy(3))))
                .pollInterval(Duration.ofMillis(100)).alias("taken over in time").until(() -> survivor.hold(feed));
        assertThat(Duration.between(died, Instant.now())).isGreaterThanOrEqualTo(LEASE);
        assertThat(instance("dead-again").hold(feed)).isFalse();
    }

    @Test
    void aGracefulStopReleasesTheFeedAtOnce() throws Exception {
        FeedLeases stopping = instance("stopping");
        FeedLeases other = instance("other");
        assertThat(stopping.hold(feed)).isTrue();
        assertThat(other.hold(feed)).isFalse();
        stopping.release(feed);
        assertThat(other.hold(feed)).isTrue();
    }

    @Test
    void instancesRacingForAFreeFeedElectExactlyOneHolder() throws Exception {
        List<FeedLeases> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            instances.add(instance("racer-" + i));
        }
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Callable<Boolean>> attempts = instances.stream().map(leases -> (Callable<Boolean>) () -> leases.hold(feed)).toList();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsOnlyOnce(true);
        } finally {
            pool.shutdown();
        }
    }
}
