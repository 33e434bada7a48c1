package ru.school500.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import ru.school500.gateway.support.GatewayInstance;
import ru.school500.gateway.support.TestIssuer;
import ru.school500.gateway.support.Upstream;

/**
 * On the gateway's own Redis connection (the one its sessions and rate limiter share, on a real Redis), a reply
 * whose consumer is still busy does not hold back the next reply: what a request does after its Redis reply does
 * not run on the thread that reads the replies of all the others.
 */
class RedisRepliesIT {

    private static TestIssuer issuer;
    private static Upstream upstream;
    private static GatewayInstance gateway;

    @BeforeAll
    static void start() {
        issuer = new TestIssuer();
        upstream = new Upstream();
        gateway = GatewayInstance.start(issuer, upstream, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
        issuer.close();
    }

    @Test
    void aReplyWhoseConsumerIsStillBusyDoesNotHoldBackTheNextReply() throws Exception {
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(gateway.bean(ReactiveRedisConnectionFactory.class));
        String key = "school500:test:replies:" + UUID.randomUUID();
        redis.opsForValue().set(key, "значение", Duration.ofMinutes(1)).block(Duration.ofSeconds(5));

        CountDownLatch consuming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        redis.opsForValue().get(key).doOnNext(value -> {
            consuming.countDown();
            awaitQuietly(release);
        }).subscribe();
        try {
            assertThat(consuming.await(5, TimeUnit.SECONDS)).as("the first reply reached its consumer").isTrue();
            assertThat(redis.opsForValue().get(key).block(Duration.ofSeconds(2)))
                    .as("the next reply, while the first one's consumer is still busy").isEqualTo("значение");
        } finally {
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
