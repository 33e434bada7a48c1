package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsTheBurstThenAsksToWaitUntilATokenIsBack() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        long wait = bucket.tryTake(0);

        assertThat(wait).isBetween(TimeUnit.MILLISECONDS.toNanos(999), TimeUnit.MILLISECONDS.toNanos(1001));
    }

    @Test
    void refillsAtTheConfiguredRateButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        long later = TimeUnit.SECONDS.toNanos(60);
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }
}
