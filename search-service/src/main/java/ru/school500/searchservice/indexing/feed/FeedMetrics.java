package ru.school500.searchservice.indexing.feed;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The feeds as metrics, per feed: the cursor position ({@code platform.feed.position}), how long ago the
 * feed was last read up to its end ({@code platform.feed.lag}, seconds: the indexing lag an operator
 * alerts on), whether this instance pulls it ({@code platform.feed.pulling}, 1 on exactly one instance)
 * and the changes it has indexed ({@code platform.feed.indexed.changes}).
 */
@Component
class FeedMetrics implements MeterBinder {

    private final Supplier<Map<String, FeedPoller.FeedStatus>> statuses;
    private final Set<String> feeds;
    private final Clock clock;

    @Autowired
    FeedMetrics(FeedPoller poller, FeedProperties properties) {
        this(poller::statuses, properties.sources().keySet(), Clock.systemUTC());
    }

    FeedMetrics(Supplier<Map<String, FeedPoller.FeedStatus>> statuses, Set<String> feeds, Clock clock) {
        this.statuses = statuses;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String feed : feeds) {
            Gauge.builder("platform.feed.position", () -> status(feed) == null ? Double.NaN : status(feed).position())
                    .tag("feed", feed).description("last indexed position of the change feed").register(registry);
            Gauge.builder("platform.feed.lag", () -> lagSeconds(feed)).tag("feed", feed).baseUnit("seconds")
                    .description("time since the feed was last read to its end").register(registry);
            Gauge.builder("platform.feed.pulling", () -> status(feed) != null && status(feed).pulling() ? 1 : 0)
                    .tag("feed", feed).description("1 if this instance holds the feed's lease").register(registry);
            FunctionCounter.builder("platform.feed.indexed.changes", this,
                    metrics -> metrics.status(feed) == null ? 0 : metrics.status(feed).indexedChanges())
                    .tag("feed", feed).description("changes indexed by this instance").register(registry);
        }
    }

    double lagSeconds(String feed) {
        FeedPoller.FeedStatus status = status(feed);
        if (status == null || !status.pulling() || status.lastSuccess() == null) {
            return Double.NaN;
        }
        return (clock.millis() - status.lastSuccess().toEpochMilli()) / 1000.0;
    }

    private FeedPoller.FeedStatus status(String feed) {
        return statuses.get().get(feed);
    }
}
