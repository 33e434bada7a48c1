package ru.school500.gateway.routing;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Per caller (user, or client address when anonymous): sustained requests per second and burst size. */
@Validated
@ConfigurationProperties("platform.rate-limit")
record RateLimitProperties(@Positive int replenishPerSecond, @Positive int burst) {
}
