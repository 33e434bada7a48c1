package ru.school500.searchservice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The read deadline, the breaker's bookkeeping and the adaptive limit, with real Resilience4j registries, Netflix's
 * limiter and reads that only sleep.
 */
class ElasticsearchGuardTest {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(5).minimumNumberOfCalls(5).failureRateThreshold(50).build());
    private ElasticsearchGuard guard;

    @AfterEach
    void stop() {
        if (guard != null) {
            guard.stop();
        }
    }

    @Test
    void aReadLetInAtOnceMayUseTheWholeDeadline() {
        guard = guard(4, 0, Duration.ofMillis(300), Duration.ofMillis(1500));

        assertThat(guard.call(() -> sleep(Duration.ofMillis(900), "answered"))).isEqualTo("answered");
    }

    @Test
    void theWaitForATurnComesOutOfTheDeadlineAndTheReadIsStoppedAtIt() throws Exception {
        guard = guard(1, 1, Duration.ofMillis(1500), Duration.ofMillis(2000));
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> guard.call(() -> {
            holding.countDown();
            return sleep(Duration.ofMillis(1200), "first");
        }));
        holding.await();

        AtomicBoolean interrupted = new AtomicBoolean();
        ErrorResponseException cut = catchThrowableOfType(ErrorResponseException.class, () -> guard.call(() -> {
            try {
                return sleep(Duration.ofMillis(1200), "second");
            } catch (IllegalStateException e) {
                interrupted.set(true);
                throw e;
            }
        }));

        assertThat(first.join()).as("the read holding the turn is within its deadline").isEqualTo("first");
        assertThat(cut.getStatusCode().value()).isEqualTo(503);
        assertThat(cut.getBody().getDetail()).contains("недоступен");
        await(interrupted);
    }

    @Test
    void requestsElasticsearchRefusesAsMalformedLeaveTheBreakerClosedWhileFailuresOpenIt() {
        guard = guard(4, 0, Duration.ofMillis(300), Duration.ofSeconds(2));
        ElasticsearchException malformed = new ElasticsearchException("search", ErrorResponse.of(r -> r.status(400)
                .error(ErrorCause.of(c -> c.type("parse_exception").reason("bad query")))));
        for (int i = 0; i < 6; i++) {
            ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                    () -> guard.call(() -> { throw malformed; }));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
        }
        assertThat(breakers.circuitBreaker("elasticsearch").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 5; i++) {
            ErrorResponseException down = catchThrowableOfType(ErrorResponseException.class,
                    () -> guard.call(() -> { throw new IOException("Connection refused"); }));
            assertThat(down.getStatusCode().value()).isEqualTo(503);
        }
        assertThat(breakers.circuitBreaker("elasticsearch").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        ErrorResponseException open = catchThrowableOfType(ErrorResponseException.class, () -> guard.call(() -> "x"));
        assertThat(open.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void readsCutAtTheirDeadlineAreLeftToTheLimitUntilItIsAtItsFloorAndOnlyThenOpenTheBreaker() {
        guard = new ElasticsearchGuard(breakers, BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(8, 2,
                Duration.ofMillis(100), 0, Duration.ofMillis(100), Duration.ofMillis(300)), new SimpleMeterRegistry());
        CircuitBreaker breaker = breakers.circuitBreaker("elasticsearch");

        for (int i = 0; i < 4; i++) {
            assertThat(cutRead().getStatusCode().value()).isEqualTo(503);
        }
        assertThat(guard.currentLimit()).as("a quarter fewer per cut read: 8, 6, 4, 3, 2").isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).as("cut reads above the floor").isZero();

        for (Duration read : List.of(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(10))) {
            catchThrowableOfType(ErrorResponseException.class, () -> guard.call(() -> sleep(read, "read")));
        }
        assertThat(breaker.getState()).as("at the floor, a busy cluster: 2 of 5 reads cut")
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);

        for (int i = 0; i < 6 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
            cutRead();
        }
        assertThat(breaker.getState()).as("a hung cluster: every read cut, even the fewest at once")
                .isEqualTo(CircuitBreaker.State.OPEN);
    }

    /**
     * The benchmark's 32 users on a slow cluster: at first every read is cut, then the reads answered take longer
     * than the target. The breaker stays closed while the limit comes down, and the reads let in are answered.
     */
    @Test
    void aClusterThatIsSlowButAnswersNeverOpensTheBreaker() throws Exception {
        SaturatingCluster cluster = new SaturatingCluster(Duration.ofMillis(40));
        // as application.yml configures it
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(20)
                .minimumNumberOfCalls(5).failureRateThreshold(50).build());
        guard = new ElasticsearchGuard(breakers, BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(32, 2,
                Duration.ofMillis(400), 100, Duration.ofMillis(200), Duration.ofSeconds(1)), new SimpleMeterRegistry());

        Outcomes outcomes = readFor(32, Duration.ofSeconds(4), cluster);

        assertThat(breakers.circuitBreaker("elasticsearch").getState()).as(outcomes.toString())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(outcomes.answered()).as(outcomes.toString()).isGreaterThanOrEqualTo(20);
    }

    private ErrorResponseException cutRead() {
        return catchThrowableOfType(ErrorResponseException.class,
                () -> guard.call(() -> sleep(Duration.ofSeconds(1), "read")));
    }

    @Test
    void aClusterSlowerThanTheTargetGetsFewerReadsAtOnceAndOneWithinItGetsThemBack() throws Exception {
        guard = adaptiveGuard(16, 2, Duration.ofMillis(100), Duration.ofSeconds(10));
        assertThat(guard.currentLimit()).as("at the start").isEqualTo(16);

        readConcurrently(16, Duration.ofMillis(200), () -> guard.currentLimit() <= 8);
        int lowered = guard.currentLimit();
        assertThat(lowered).as("after windows of reads slower than the target").isLessThanOrEqualTo(8);

        readConcurrently(16, Duration.ofMillis(5), () -> guard.currentLimit() == 16);
        assertThat(guard.currentLimit()).as("after windows of reads within the target").isEqualTo(16);
    }

    @Test
    void readsCutAtTheirDeadlineLowerTheLimit() throws Exception {
        guard = new ElasticsearchGuard(breakers(), BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(8, 1,
                Duration.ofMillis(100), 100, Duration.ofMillis(100), Duration.ofMillis(300)), new SimpleMeterRegistry());

        readConcurrently(4, Duration.ofSeconds(2), () -> guard.currentLimit() < 8);
        assertThat(guard.currentLimit()).isLessThan(8);
        assertThat(guard.inflight()).as("every cut read gave its turn back").isZero();
    }

    /**
     * A cluster whose reads take longer the more of them it has at once (40 ms of its time each, shared), read by 32
     * users without a pause: with 32 let in, every read takes about 1.3 s and misses the 1 s deadline.
     * The adaptive limit lets in fewer, and those are answered in time.
     */
    @Test
    void aSaturatedClusterStillAnswersTheReadsLetIn() throws Exception {
        SaturatingCluster cluster = new SaturatingCluster(Duration.ofMillis(40));

        guard = new ElasticsearchGuard(breakers(), BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(32, 32,
                Duration.ofDays(1), 100, Duration.ofMillis(200), Duration.ofSeconds(1)), new SimpleMeterRegistry());
        Outcomes fixed = readFor(32, Duration.ofSeconds(3), cluster);
        guard.stop();
        assertThat(fixed.answered()).as("with the limit fixed at 32: " + fixed).isZero();

        guard = new ElasticsearchGuard(breakers(), BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(32, 2,
                Duration.ofMillis(400), 100, Duration.ofMillis(200), Duration.ofSeconds(1)), new SimpleMeterRegistry());
        readFor(32, Duration.ofSeconds(6), cluster);
        Outcomes adapted = readFor(32, Duration.ofSeconds(3), cluster);
        assertThat(guard.currentLimit()).as("reads let in at once").isLessThan(25);
        assertThat(adapted.answered()).as("adapted: " + adapted).isGreaterThan(3 * adapted.cut());
        assertThat(adapted.answered()).as("adapted: " + adapted).isGreaterThanOrEqualTo(20);
    }

    @Test
    void limitsThatCannotWorkAreRefused() {
        assertThat(limits(4, 1, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(500))
                .isDeadlineAfterTheWait()).as("a deadline no longer than the wait for a turn").isFalse();
        assertThat(limits(4, 1, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(2200))
                .isDeadlineAfterTheWait()).isTrue();
        assertThat(limits(4, 8, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(2200))
                .isMinimumWithinTheMaximum()).as("a minimum above the maximum").isFalse();
        assertThat(limits(4, 4, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(2200))
                .isMinimumWithinTheMaximum()).isTrue();
        assertThat(limits(4, 1, Duration.ofMillis(1700), Duration.ofMillis(500), Duration.ofMillis(2200))
                .isLatencyTargetWithinTheDeadline()).as("a target a read cut at its deadline may not reach").isFalse();
        assertThat(limits(4, 1, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(2200))
                .isLatencyTargetWithinTheDeadline()).as("a zero target").isFalse();
        assertThat(limits(4, 1, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(2200))
                .isLatencyTargetWithinTheDeadline()).isTrue();
    }

    private static ElasticsearchReadLimits limits(int max, int min, Duration target, Duration maxWait,
            Duration deadline) {
        return new ElasticsearchReadLimits(max, min, target, 0, maxWait, deadline);
    }

    /** A guard whose limit is fixed at {@code concurrent}: the deadline and the queue alone. */
    private ElasticsearchGuard guard(int concurrent, int queued, Duration maxWait, Duration deadline) {
        return new ElasticsearchGuard(breakers, BulkheadRegistry.ofDefaults(), new ElasticsearchReadLimits(concurrent,
                concurrent, Duration.ofMillis(deadline.toMillis() - 1), queued, maxWait, deadline),
                new SimpleMeterRegistry());
    }

    /** A breaker that counts no failure, so that it never stops the reads a test of the limit needs. */
    private static CircuitBreakerRegistry breakers() {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().ignoreExceptions(Exception.class).build());
    }

    private ElasticsearchGuard adaptiveGuard(int max, int min, Duration target, Duration deadline) {
        return new ElasticsearchGuard(breakers(), BulkheadRegistry.ofDefaults(),
                new ElasticsearchReadLimits(max, min, target, 100, Duration.ofSeconds(5), deadline),
                new SimpleMeterRegistry());
    }

    /** {@code users} read without a pause, each read taking {@code each}, until {@code done} or 30 s. */
    private void readConcurrently(int users, Duration each, BooleanSupplier done) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                threads.submit(() -> {
                    while (!stop.get()) {
                        try {
                            guard.call(() -> sleep(each, "read"));
                        } catch (ErrorResponseException cut) {
                            // cut at its deadline: what the limit learns from
                        }
                    }
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            stop.set(true);
        }
    }

    private Outcomes readFor(int users, Duration period, SaturatingCluster cluster) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long until = System.nanoTime() + period.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            guard.call(cluster::read);
                            answered.incrementAndGet();
                        } catch (ErrorResponseException problem) {
                            (problem.getBody().getDetail().contains("перегружен") ? refused : cut).incrementAndGet();
                        }
                    }
                });
            }
        }
        return new Outcomes(answered.get(), cut.get(), refused.get());
    }

    private record Outcomes(int answered, int cut, int refused) {
    }

    /** Processor sharing: a read needs {@code perRead} of the cluster's time, shared by the reads in it at once. */
    private static final class SaturatingCluster {

        private static final Duration TICK = Duration.ofMillis(5);

        private final Duration perRead;
        private final AtomicInteger reading = new AtomicInteger();

        SaturatingCluster(Duration perRead) {
            this.perRead = perRead;
        }

        String read() {
            reading.incrementAndGet();
            try {
                double served = 0;
                while (served < perRead.toNanos()) {
                    sleep(TICK, "tick");
                    served += (double) TICK.toNanos() / reading.get();
                }
                return "hit";
            } finally {
                reading.decrementAndGet();
            }
        }
    }

    private static String sleep(Duration duration, String answer) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
        return answer;
    }

    private static void await(AtomicBoolean flag) throws InterruptedException {
        for (int i = 0; i < 100 && !flag.get(); i++) {
            Thread.sleep(20);
        }
        assertThat(flag).as("the read cut at its deadline is interrupted").isTrue();
    }
}
