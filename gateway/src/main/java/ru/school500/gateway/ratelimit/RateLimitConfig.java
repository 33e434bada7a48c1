package ru.school500.gateway.ratelimit;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.publisher.Mono;

/**
 * The key of the {@code RequestRateLimiter} default filter (application.yml): the signed-in user, whether by
 * browser session or bearer token, else the client address ({@link ClientAddress}). The bucket lives in Redis,
 * so one user has one limit however many gateway instances serve them.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    CallerRateLimiter callerRateLimiter(RateLimitProperties limits) {
        return new CallerRateLimiter(limits);
    }

    @Bean
    KeyResolver callerKeyResolver(RateLimitProperties limits) {
        ClientAddress address = new ClientAddress(limits.trustedProxies(), limits.trustedProxyHops());
        return exchange -> exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "user:" + name)
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + address.of(exchange)));
    }
}
