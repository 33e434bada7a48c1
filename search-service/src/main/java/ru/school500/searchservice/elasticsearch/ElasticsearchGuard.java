package ru.school500.searchservice.elasticsearch;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import ru.school500.searchservice.web.Problems;

/**
 * Every read a user waits for goes through here. First a bounded queue ({@link ElasticsearchReadLimits}): a
 * number of reads in Elasticsearch at once, at most {@code max-queued} waiting for a turn, each for at most
 * {@code max-wait}; a read that finds no place is refused with 503 and a short Retry-After, and the circuit
 * breaker never sees it, because a busy cluster is not a broken one. Then the Resilience4j circuit breaker
 * {@code resilience4j.circuitbreaker.instances.elasticsearch} and the read's {@code deadline}: Elasticsearch gets
 * what the wait for a turn left of it, so every read answers within the deadline of its arrival (503 problem+json
 * when the cluster is down or too slow), and calls stop piling up while it stays down. A read cut at its deadline
 * lowers the limit below; only a read let in while the limit was at {@code min-concurrent} counts as a failure
 * for the breaker when it is cut.
 * (When reads slower than the target, answered or cut, counted as slow calls, a cluster that was merely slow opened
 * the breaker while the limit was still coming down from 32, and every search was turned away for 20 s of the
 * benchmark.)
 *
 * <p>The number of reads let in at once is not fixed ({@link LatencyTargetLimit} in Netflix's limiter): a read
 * that took longer than {@code latency-target} in Elasticsearch lowers it by a quarter (a read cut at its deadline
 * counts with the time it had), a limit's worth of reads within it add one, between {@code min-concurrent} and
 * {@code max-concurrent}. Measured on a slowed machine, 32 reads at once made Elasticsearch answer fewer reads per
 * second than 8 did, every read missed its deadline and the breaker opened; with the limit lowered, those let in
 * are answered in time and the others get a quick 503. The target sits just below what the deadline leaves after
 * the longest wait: a cluster that is merely busy, its reads slower but in time, keeps all 32.
 */
@Component
public class ElasticsearchGuard {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);

    private final CircuitBreaker breaker;
    private final Bulkhead queue;
    private final SimpleLimiter<Void> admitted;
    private final Limiter<Void> turns;
    private final Duration deadline;
    private final int minConcurrent;
    // the read runs beside the caller, so the caller can stop waiting at its deadline; the read is interrupted then
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    ElasticsearchGuard(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, ElasticsearchReadLimits limits,
            MeterRegistry meters) {
        this.breaker = breakers.circuitBreaker("elasticsearch");
        this.deadline = limits.deadline();
        this.minConcurrent = limits.minConcurrent();
        // "queue" admits the reads in Elasticsearch plus those waiting, refusing at once beyond that; "turns" lets
        // the adaptive number of them in, the others wait up to max-wait
        this.queue = bulkheads.bulkhead("elasticsearch-queue", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrent() + limits.maxQueued()).maxWaitDuration(Duration.ZERO).build());
        this.admitted = SimpleLimiter.newBuilder().named("elasticsearch").limit(adaptiveLimit(limits)).build();
        this.turns = BlockingLimiter.wrap(admitted, limits.maxWait());
        Gauge.builder("search.elasticsearch.reads.limit", admitted, SimpleLimiter::getLimit)
                .description("Reads let into Elasticsearch at once now (adapts to its latency)").register(meters);
        Gauge.builder("search.elasticsearch.reads.inflight", admitted, SimpleLimiter::getInflight)
                .description("Reads in Elasticsearch now").register(meters);
    }

    private static Limit adaptiveLimit(ElasticsearchReadLimits limits) {
        Limit limit = new LatencyTargetLimit(limits.latencyTarget(), limits.minConcurrent(), limits.maxConcurrent());
        AtomicInteger previous = new AtomicInteger(limits.maxConcurrent());
        limit.notifyOnChange(now -> {
            if (now < previous.getAndSet(now)) {
                log.info("Elasticsearch answers slower than {}: {} reads let in at once now", limits.latencyTarget(),
                        now);
            }
        });
        return limit;
    }

    /** How many reads are let into Elasticsearch at once now. */
    public int currentLimit() {
        return admitted.getLimit();
    }

    /** How many reads are in Elasticsearch now. */
    public int inflight() {
        return admitted.getInflight();
    }

    public <T> T call(ElasticsearchCall<T> call) {
        long due = System.nanoTime() + deadline.toNanos();
        try {
            return Bulkhead.decorateSupplier(queue, () -> inTurn(call, due)).get();
        } catch (BulkheadFullException full) {
            log.warn("Elasticsearch reads refused: {}", full.getMessage());
            throw busy();
        }
    }

    private <T> T inTurn(ElasticsearchCall<T> call, long due) {
        Limiter.Listener turn = turns.acquire(null).orElse(null);
        if (turn == null) {
            log.warn("Elasticsearch reads refused: no turn within the wait, {} let in at once", admitted.getLimit());
            throw busy();
        }
        return guarded(call, due, turn);
    }

    private static ErrorResponseException busy() {
        ErrorResponseException busy = Problems.unavailable("Поиск сейчас перегружен, повторите попытку через секунду.");
        busy.getHeaders().set("Retry-After", "1");
        return busy;
    }

    private <T> T guarded(ElasticsearchCall<T> call, long due, Limiter.Listener turn) {
        if (!breaker.tryAcquirePermission()) {
            turn.onIgnore();
            return unavailable(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        // let in while the limit was at its floor: were it cut, not even the fewest reads at once are answered in time
        boolean fewestAtOnce = admitted.getLimit() <= minConcurrent;
        long start = System.nanoTime();
        Future<T> read = reads.submit(call::run);
        try {
            T result = read.get(Math.max(0, due - start), TimeUnit.NANOSECONDS);
            breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, result);
            turn.onSuccess();
            return result;
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (isRefusedRequest(failure)) {
                // the cluster answered: a request it refuses, or a refusal of ours, says nothing about its health
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                turn.onSuccess();
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                // a refused connection or a broken one says nothing about how many reads the cluster can take
                turn.onIgnore();
            }
            return unavailable(failure);
        } catch (TimeoutException e) {
            read.cancel(true);
            // a sample with the time it had, longer than latency-target (ElasticsearchReadLimits checks that)
            turn.onSuccess();
            if (fewestAtOnce) {
                // as good as down
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            } else {
                // the limit's to answer, by letting fewer in; a busy cluster is not a broken one
                breaker.releasePermission();
            }
            return unavailable(e);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            turn.onIgnore();
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
