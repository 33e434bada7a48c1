package ru.school500.gateway.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Puts {@link RecentlyVerifiedTokens} in front of the decoder Spring Boot builds from
 * {@code spring.security.oauth2.resourceserver.jwt} (issuer, audience, Keycloak's keys), which stays as configured.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfig {

    /** Keycloak's access tokens live 10 minutes in the realm; a client refreshes its token well before. */
    static final Duration TTL = Duration.ofMinutes(5);
    static final long MAX_TOKENS = 10_000;

    @Bean
    static BeanPostProcessor recentlyVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RecentlyVerifiedTokens)) {
                    return new RecentlyVerifiedTokens(decoder, TTL, MAX_TOKENS, Clock.systemUTC());
                }
                return bean;
            }
        };
    }
}
