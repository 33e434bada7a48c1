package ru.school500.searchservice.indexing.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FeedMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Map<String, FeedPoller.FeedStatus> statuses = new HashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    FeedMetricsTest() {
        new FeedMetrics(() -> statuses, Set.of("roadmap", "document"), Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(registry);
    }

    @Test
    void thePullingInstanceReportsPositionLagAndIndexedChangesPerFeed() {
        statuses.put("roadmap", new FeedPoller.FeedStatus("roadmap", 1234, NOW.minusMillis(2500), null, null, 40, true));
        assertThat(registry.get("platform.feed.position").tag("feed", "roadmap").gauge().value()).isEqualTo(1234);
        assertThat(registry.get("platform.feed.lag").tag("feed", "roadmap").gauge().value()).isEqualTo(2.5);
        assertThat(registry.get("platform.feed.pulling").tag("feed", "roadmap").gauge().value()).isEqualTo(1);
        assertThat(registry.get("platform.feed.indexed.changes").tag("feed", "roadmap").functionCounter().count()).isEqualTo(40);
    }

    @Test
    void aStandbyInstanceReportsNoLagOfItsOwnSoAlertsFollowTheHolder() {
        statuses.put("document", new FeedPoller.FeedStatus("document", 10, NOW.minusSeconds(600), null, null, 3, false));
        assertThat(registry.get("platform.feed.pulling").tag("feed", "document").gauge().value()).isZero();
        assertThat(registry.get("platform.feed.lag").tag("feed", "document").gauge().value()).isNaN();
        assertThat(registry.get("platform.feed.position").tag("feed", "roadmap").gauge().value()).isNaN();
    }
}
