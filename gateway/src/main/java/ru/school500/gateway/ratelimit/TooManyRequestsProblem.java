package ru.school500.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import ru.school500.gateway.routing.Problems;

/**
 * {@code RequestRateLimiter} refuses with a bare 429. This gives the refusal the platform's shape: a
 * problem+json body with a Russian detail and {@code Retry-After}, the seconds until the caller's bucket holds
 * a request's tokens again (from the limiter's own {@code X-RateLimit-*} headers).
 */
@Component
class TooManyRequestsProblem implements GlobalFilter, Ordered {

    private final Problems problems;

    TooManyRequestsProblem(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (!HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) || isCommitted()) {
                    return super.setComplete();
                }
                long seconds = retryAfterSeconds(getHeaders());
                getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Слишком много запросов",
                        "Превышен предел частоты запросов. Повторите через " + seconds + " с.");
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    static long retryAfterSeconds(HttpHeaders headers) {
        double perSecond = number(headers.getFirst(RedisRateLimiter.REPLENISH_RATE_HEADER), 1);
        double requested = number(headers.getFirst(RedisRateLimiter.REQUESTED_TOKENS_HEADER), 1);
        return Math.max(1, (long) Math.ceil(requested / Math.max(perSecond, 1e-9)));
    }

    private static double number(String header, double fallback) {
        try {
            return header == null ? fallback : Double.parseDouble(header);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
