package ru.school500.searchservice.elasticsearch;

import java.time.Duration;

import com.netflix.concurrency.limits.limit.AbstractLimit;

/**
 * Additive increase, multiplicative decrease against a latency target, for Netflix's limiter: a read that took
 * longer than the target halves the number let in at once, a read within it while at least half of them were in
 * use adds one. Only a read that started after the last decrease may decrease again: the reads let in under the
 * old limit finish slow too and would otherwise halve it once each (Netflix's own {@code AIMDLimit} does that per
 * read, and its windowed form drops a window that has fewer than 10 reads, which a cluster answering a few reads
 * a second never fills).
 */
final class LatencyTargetLimit extends AbstractLimit {

    private final long targetNanos;
    private final int min;
    private final int max;
    private boolean decreased;
    private long lastDecreaseNanos;

    LatencyTargetLimit(Duration target, int min, int max) {
        super(max);
        this.targetNanos = target.toNanos();
        this.min = min;
        this.max = max;
    }

    // called under the lock of AbstractLimit.onSample
    @Override
    protected int _update(long startTime, long rtt, int inflight, boolean didDrop) {
        int limit = getLimit();
        if (didDrop || rtt > targetNanos) {
            if (decreased && startTime - lastDecreaseNanos < 0) {
                return limit;
            }
            decreased = true;
            lastDecreaseNanos = startTime + rtt;
            return Math.max(min, limit / 2);
        }
        if (inflight * 2 >= limit) {
            return Math.min(max, limit + 1);
        }
        return limit;
    }

    @Override
    public String toString() {
        return "LatencyTargetLimit[limit=" + getLimit() + ", target=" + Duration.ofNanos(targetNanos) + "]";
    }
}
