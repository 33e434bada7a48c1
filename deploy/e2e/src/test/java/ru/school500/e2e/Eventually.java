package ru.school500.e2e;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way the end-to-end tests wait for an eventual result (the feeds filling the index, a service back
 * after a restart, a token expiring): Awaitility polling with a deadline, never a fixed sleep.
 * {@code Eventually.within(20 s).alias(what).until(() -> call(), answer -> done(answer))} answers the last call.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(300);

    private Eventually() {
    }

    static ConditionFactory within(Duration deadline) {
        return Awaitility.await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
