package ru.school500.gateway.ratelimit;

import java.security.Principal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scripting.support.StaticScriptSource;

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

    /**
     * Spring Cloud Gateway's script bean reads the limiter's Lua source through a {@code ResourceScriptSource},
     * which asks the jar for the resource's modification time on every call, under a lock shared by all event
     * loops; the profile of a loaded gateway showed it on every request. The same script, held as a string.
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptInMemory() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof DefaultRedisScript<?> script) {
                    script.setScriptSource(new StaticScriptSource(script.getScriptAsString()));
                }
                return bean;
            }
        };
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
