package ru.school500.searchservice.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

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

/** The read deadline and the breaker's bookkeeping, with real Resilience4j registries and reads that only sleep. */
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
    void aDeadlineNoLongerThanTheWaitForATurnIsRefused() {
        assertThat(new ElasticsearchReadLimits(4, 0, Duration.ofMillis(500), Duration.ofMillis(500))
                .isDeadlineAfterTheWait()).isFalse();
        assertThat(new ElasticsearchReadLimits(4, 0, Duration.ofMillis(500), Duration.ofMillis(2200))
                .isDeadlineAfterTheWait()).isTrue();
    }

    private ElasticsearchGuard guard(int concurrent, int queued, Duration maxWait, Duration deadline) {
        return new ElasticsearchGuard(breakers, BulkheadRegistry.ofDefaults(),
                new ElasticsearchReadLimits(concurrent, queued, maxWait, deadline));
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
