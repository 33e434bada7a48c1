package ru.school500.searchservice.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import ru.school500.searchservice.web.Problems;

/**
 * Every read a user waits for goes through here: a Resilience4j circuit breaker and time limiter
 * ({@code resilience4j.*.instances.elasticsearch}) so that a cluster that is down or hanging answers
 * 503 problem+json within 2 s, and calls stop piling up while it stays down.
 */
@Component
public class ElasticsearchGuard {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);

    private final CircuitBreaker breaker;

    ElasticsearchGuard(CircuitBreakerFactory<?, ?> breakers) {
        this.breaker = breakers.create("elasticsearch");
    }

    public <T> T call(ElasticsearchCall<T> call) {
        return breaker.run(() -> {
            try {
                return call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, this::unavailable);
    }

    private <T> T unavailable(Throwable failure) {
        if (failure instanceof ElasticsearchException rejected && rejected.status() == 400) {
            throw Problems.badRequest("Запрос не удалось разобрать: упростите его или уберите служебные символы.");
        }
        if (failure instanceof org.springframework.web.ErrorResponseException problem) {
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
