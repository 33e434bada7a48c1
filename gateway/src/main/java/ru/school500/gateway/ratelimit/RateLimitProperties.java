package ru.school500.gateway.ratelimit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per caller (the signed-in user, or the client address when anonymous): sustained requests per second and
 * burst size, enforced by Spring Cloud Gateway's Redis rate limiter so that every gateway instance draws
 * from the same bucket.
 *
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway (the Ingress
 *        controller's pods); only a request arriving from one of them has its {@code X-Forwarded-For} read
 * @param trustedProxyHops how many of those proxies append to {@code X-Forwarded-For}: the client address is
 *        the entry this far from the right (1: the one the Ingress controller added)
 */
@Validated
@ConfigurationProperties("platform.rate-limit")
record RateLimitProperties(@Positive int replenishPerSecond, @Positive int burst,
        @DefaultValue List<String> trustedProxies, @DefaultValue("1") @Positive @Max(10) int trustedProxyHops) {
}
