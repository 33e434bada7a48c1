package ru.school500.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket with one bucket per caller for the whole API. The stock limiter
 * keeps a bucket per route and caller, so a caller would get the limit once per route; here every route
 * draws from the caller's single bucket, as {@code platform.rate-limit.*} says. The limiter lets requests
 * through while Redis is unreachable (it logs the failure): an outage of Redis does not take the API down.
 */
class CallerRateLimiter extends RedisRateLimiter {

    static final String ALL_ROUTES = "api";

    CallerRateLimiter(RateLimitProperties limits) {
        super(limits.replenishPerSecond(), limits.burst(), 1);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(ALL_ROUTES, id);
    }
}
