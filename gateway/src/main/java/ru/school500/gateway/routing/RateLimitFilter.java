package ru.school500.gateway.routing;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits each caller's request rate on every API route, in memory. One gateway instance is the deployed
 * shape today; with several, move the buckets to a shared store (Spring Cloud Gateway's Redis limiter).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final RateLimitProperties limits;
    private final Problems problems;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "user:" + name)
                .defaultIfEmpty("address:" + clientAddress(exchange))
                .flatMap(caller -> {
                    long now = System.nanoTime();
                    long wait = buckets.computeIfAbsent(caller,
                            key -> new TokenBucket(limits.burst(), limits.replenishPerSecond(), now)).tryTake(now);
                    if (wait == 0) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, Duration.ofNanos(wait).toSeconds());
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Слишком много запросов",
                            "Превышен предел частоты запросов. Повторите через " + seconds + " с.");
                });
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdleCallers() {
        long cutoff = System.nanoTime() - IDLE.toNanos();
        buckets.values().removeIf(bucket -> bucket.lastUsed() < cutoff);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
