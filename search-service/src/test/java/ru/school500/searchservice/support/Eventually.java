package ru.school500.searchservice.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait for an eventual result (a lease taken over, held across renewals): Awaitility
 * polling with a deadline, never a fixed sleep. {@code Eventually.within(30 s).alias(what).until(...)}.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    public static ConditionFactory within(Duration deadline) {
        return Awaitility.await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
