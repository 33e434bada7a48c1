package ru.school500.searchservice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The limit's arithmetic on samples with explicit times (nanoseconds since an arbitrary origin). */
class LatencyTargetLimitTest {

    private static final long MS = 1_000_000;

    private final LatencyTargetLimit limit = new LatencyTargetLimit(Duration.ofMillis(100), 4, 32);

    @Test
    void startsAtTheMaximum() {
        assertThat(limit.getLimit()).isEqualTo(32);
    }

    @Test
    void aSlowReadLowersTheLimitByAQuarterOnceForTheReadsLetInBeforeAndAgainForOneLetInAfter() {
        limit.onSample(0, 150 * MS, 32, false);
        assertThat(limit.getLimit()).isEqualTo(24);

        limit.onSample(10 * MS, 160 * MS, 31, false);
        limit.onSample(120 * MS, 40 * MS, 30, true);
        assertThat(limit.getLimit()).as("reads let in before the decrease took effect").isEqualTo(24);

        limit.onSample(151 * MS, 200 * MS, 24, false);
        assertThat(limit.getLimit()).isEqualTo(18);
        limit.onSample(352 * MS, 200 * MS, 18, true);
        assertThat(limit.getLimit()).as("a dropped read counts as slow").isEqualTo(13);
        for (int i = 0; i < 5; i++) {
            limit.onSample((553 + 201 * i) * MS, 200 * MS, 4, false);
        }
        assertThat(limit.getLimit()).as("never below the minimum").isEqualTo(4);
    }

    @Test
    void readsWithinTheTargetAddOnePerLimitsWorth() {
        limit.onSample(0, 150 * MS, 32, false);
        assertThat(limit.getLimit()).isEqualTo(24);

        for (int i = 0; i < 23; i++) {
            limit.onSample((300 + i) * MS, 50 * MS, 1, false);
        }
        assertThat(limit.getLimit()).as("23 reads within the target at a limit of 24").isEqualTo(24);
        limit.onSample(323 * MS, 50 * MS, 1, false);
        assertThat(limit.getLimit()).as("the 24th, though few were in use").isEqualTo(25);

        for (int i = 0; i < 1000; i++) {
            limit.onSample((400 + i) * MS, 50 * MS, limit.getLimit(), false);
        }
        assertThat(limit.getLimit()).as("back up, and no higher than the maximum").isEqualTo(32);
    }
}
