package ru.school500.searchservice.elasticsearch;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many reads a user waits for this instance sends to Elasticsearch at once, how many wait for their turn, and
 * how long a read may take in all. Elasticsearch runs a few searches per core and queues the rest itself, where a
 * search cut by a time limit keeps running; a queue here instead lets a saturated cluster finish what it has and
 * makes every caller wait its turn, slower but answered. Beyond the queue, after waiting too long, or past the
 * deadline, 503 with Retry-After.
 *
 * <p>The number let in at once adapts between {@code minConcurrent} and {@code maxConcurrent}: it shrinks when
 * Elasticsearch takes longer than {@code latencyTarget} and grows back while it answers within it. A slow cluster
 * given more reads at once answers fewer of them per second, and then every one misses its deadline.
 *
 * @param maxConcurrent reads in Elasticsearch at once from this instance, at most (and at the start)
 * @param minConcurrent reads in Elasticsearch at once, however slow it answers
 * @param latencyTarget how long Elasticsearch may take for a read before fewer are let in at once
 * @param maxQueued     reads waiting for a turn; one more is refused at once
 * @param maxWait       how long a read waits for its turn before it is refused
 * @param deadline      how long a read may take from its arrival, the wait for its turn included: Elasticsearch
 *                      gets what the wait left of it
 */
@Validated
@ConfigurationProperties("platform.elasticsearch.reads")
public record ElasticsearchReadLimits(@Min(1) int maxConcurrent, @Min(1) int minConcurrent,
        @NotNull Duration latencyTarget, @Min(0) int maxQueued, @NotNull Duration maxWait,
        @NotNull Duration deadline) {

    @AssertTrue(message = "deadline must be longer than max-wait, or a read that waited its whole turn gets no time")
    boolean isDeadlineAfterTheWait() {
        return maxWait == null || deadline == null || deadline.compareTo(maxWait) > 0;
    }

    @AssertTrue(message = "min-concurrent must not exceed max-concurrent")
    boolean isMinimumWithinTheMaximum() {
        return minConcurrent <= maxConcurrent;
    }

    @AssertTrue(message = "latency-target must be positive and shorter than what the deadline leaves after max-wait,"
            + " or a read cut at its deadline would not count as slow")
    boolean isLatencyTargetWithinTheDeadline() {
        return latencyTarget == null || deadline == null || maxWait == null
                || latencyTarget.isPositive() && latencyTarget.compareTo(deadline.minus(maxWait)) < 0;
    }
}
