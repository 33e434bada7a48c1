package ru.school500.searchservice.elasticsearch;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PreDestroy;

import ru.school500.searchservice.web.Problems;

/**
 * Every read a user waits for goes through here. First a bounded queue ({@link ElasticsearchReadLimits}): at
 * most {@code max-concurrent} reads in Elasticsearch, at most {@code max-queued} waiting for a turn, each for at
 * most {@code max-wait}; a read that finds no place is refused with 503 and a short Retry-After, and the circuit
 * breaker never sees it, because a busy cluster is not a broken one. Then the Resilience4j circuit breaker
 * {@code resilience4j.circuitbreaker.instances.elasticsearch} and the read's {@code deadline}: Elasticsearch gets
 * what the wait for a turn left of it, so every read answers within the deadline of its arrival (503 problem+json
 * when the cluster is down or too slow), and calls stop piling up while it stays down.
 */
@Component
public class ElasticsearchGuard {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);

    private final CircuitBreaker breaker;
    private final Bulkhead queue;
    private final Bulkhead turns;
    private final Duration deadline;
    // the read runs beside the caller, so the caller can stop waiting at its deadline; the read is interrupted then
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    ElasticsearchGuard(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, ElasticsearchReadLimits limits) {
        this.breaker = breakers.circuitBreaker("elasticsearch");
        this.deadline = limits.deadline();
        // two semaphores: "queue" admits the reads in Elasticsearch plus those waiting (refusing at once beyond
        // that), "turns" lets max-concurrent of them in, the others wait up to max-wait, first come first served
        this.queue = bulkheads.bulkhead("elasticsearch-queue", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrent() + limits.maxQueued()).maxWaitDuration(Duration.ZERO).build());
        this.turns = bulkheads.bulkhead("elasticsearch", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrent()).maxWaitDuration(limits.maxWait())
                .fairCallHandlingStrategyEnabled(true).build());
    }

    public <T> T call(ElasticsearchCall<T> call) {
        long due = System.nanoTime() + deadline.toNanos();
        try {
            return Bulkhead.decorateSupplier(queue, Bulkhead.decorateSupplier(turns, () -> guarded(call, due))).get();
        } catch (BulkheadFullException full) {
            log.warn("Elasticsearch reads refused: {}", full.getMessage());
            ErrorResponseException busy = Problems.unavailable(
                    "Поиск сейчас перегружен, повторите попытку через секунду.");
            busy.getHeaders().set("Retry-After", "1");
            throw busy;
        }
    }

    private <T> T guarded(ElasticsearchCall<T> call, long due) {
        if (!breaker.tryAcquirePermission()) {
            return unavailable(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long start = System.nanoTime();
        Future<T> read = reads.submit(call::run);
        try {
            T result = read.get(Math.max(0, due - start), TimeUnit.NANOSECONDS);
            breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, result);
            return result;
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (isRefusedRequest(failure)) {
                // the cluster answered: a request it refuses, or a refusal of ours, says nothing about its health
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            }
            return unavailable(failure);
        } catch (TimeoutException e) {
            read.cancel(true);
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return unavailable(e);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return unavailable(e);
        }
    }

    private static boolean isRefusedRequest(Throwable failure) {
        return failure instanceof ErrorResponseException
                || failure instanceof ElasticsearchException rejected && rejected.status() == 400;
    }

    private <T> T unavailable(Throwable failure) {
        if (failure instanceof ElasticsearchException rejected && rejected.status() == 400) {
            throw Problems.badRequest("Запрос не удалось разобрать: упростите его или уберите служебные символы.");
        }
        if (failure instanceof ErrorResponseException problem) {
            throw problem;
        }
        log.warn("Elasticsearch unavailable: {}", failure.toString());
        throw Problems.unavailable("Поиск временно недоступен, повторите попытку через несколько секунд.");
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    @FunctionalInterface
    public interface ElasticsearchCall<T> {
        T run() throws IOException;
    }
}
