package ru.school500.searchservice.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;

import ru.school500.searchservice.web.Problems;

/**
 * Every read a user waits for goes through here. First a bounded queue ({@link ElasticsearchReadLimits}): at
 * most {@code max-concurrent} reads in Elasticsearch, at most {@code max-queued} waiting for a turn, each for at
 * most {@code max-wait}; a read that finds no place is refused with 503 and a short Retry-After, and the circuit
 * breaker never sees it, because a busy cluster is not a broken one. Then a Resilience4j circuit breaker and time
 * limiter ({@code resilience4j.*.instances.elasticsearch}), so that a cluster that is down or hanging answers 503
 * problem+json within 2 s of the read's turn, and calls stop piling up while it stays down.
 */
@Component
public class ElasticsearchGuard {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);

    private final CircuitBreaker breaker;
    private final Bulkhead queue;
    private final Bulkhead turns;

    ElasticsearchGuard(CircuitBreakerFactory<?, ?> breakers, BulkheadRegistry bulkheads, ElasticsearchReadLimits limits) {
        this.breaker = breakers.create("elasticsearch");
        // two semaphores: "queue" admits the reads in Elasticsearch plus those waiting (refusing at once beyond
        // that), "turns" lets max-concurrent of them in, the others wait up to max-wait, first come first served
        this.queue = bulkheads.bulkhead("elasticsearch-queue", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrent() + limits.maxQueued()).maxWaitDuration(Duration.ZERO).build());
        this.turns = bulkheads.bulkhead("elasticsearch", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrent()).maxWaitDuration(limits.maxWait())
                .fairCallHandlingStrategyEnabled(true).build());
    }

    public <T> T call(ElasticsearchCall<T> call) {
        Supplier<T> guarded = () -> breaker.run(() -> {
            try {
                return call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, this::unavailable);
        try {
            return Bulkhead.decorateSupplier(queue, Bulkhead.decorateSupplier(turns, guarded)).get();
        } catch (BulkheadFullException full) {
            log.warn("Elasticsearch reads refused: {}", full.getMessage());
            ErrorResponseException busy = Problems.unavailable(
                    "Поиск сейчас перегружен, повторите попытку через секунду.");
            busy.getHeaders().set("Retry-After", "1");
            throw busy;
        }
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

    @FunctionalInterface
    public interface ElasticsearchCall<T> {
        T run() throws IOException;
    }
}
