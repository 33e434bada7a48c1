package ru.school500.gateway.redis;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's sessions and rate-limit buckets share one Lettuce connection, whose replies one event-loop thread
 * reads. By default the caller's next steps run on that thread too: for a request, the rest of the filter chain
 * after the rate limiter's script or the session's {@code HGETALL} (a fifth of the gateway's samples were on that
 * one thread in the profile, README «Производительность»). While one request's chain is busy there, every other
 * reply waits unread, and a slow step in one became another's 5 s {@code RedisCommandTimeoutException} (seen twice
 * in e2e during a browser login). Handed to Lettuce's computation threads, replies are read as they come.
 */
@Configuration(proxyBeanMethods = false)
class RedisReplies {

    @Bean
    LettuceClientOptionsBuilderCustomizer repliesOffTheEventLoop() {
        return options -> options.publishOnScheduler(true);
    }
}
