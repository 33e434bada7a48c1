package ru.school500.searchservice.elasticsearch;

import java.time.Duration;

import com.netflix.concurrency.limits.limit.AbstractLimit;

/**
 * Additive increase, multiplicative decrease against a latency target, for Netflix's limiter: a read that took
 * longer than the target lowers the number let in at once by a quarter; reads within it add one per limit's worth
 * of them, about one per round trip, as TCP does (one per read let a cluster answering 10 reads a second climb from
 * 8 back to 20 in a second, past what it could answer in time). Only a read that started after the last decrease
 * may decrease again: the reads let in under the old limit finish slow too and would otherwise lower it once each
 * (Netflix's own {@code AIMDLimit} does that per read, and its windowed form drops a window that has fewer than 10
 * reads, which a cluster answering a few reads a second never fills). Reads within the target raise the limit also
 * while few are in use, so that a limit lowered by a past slow spell is back up before the next busy one.
 */
final class LatencyTargetLimit extends AbstractLimit {

    private final long targetNanos;
    private final int min;
    private final int max;
    private boolean decreased;
    private long lastDecreaseNanos;
    private int fastReads;

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
            fastReads = 0;
            return Math.max(min, limit * 3 / 4);
        }
        if (++fastReads >= limit) {
            fastReads = 0;
            return Math.min(max, limit + 1);
        }
        return limit;
    }

    @Override
    public String toString() {
        return "LatencyTargetLimit[limit=" + getLimit() + ", target=" + Duration.ofNanos(targetNanos) + "]";
    }
}
