package ru.school500.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TooManyRequestsProblemTest {

    private static HttpHeaders limiter(String perSecond, String requested) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-RateLimit-Replenish-Rate", perSecond);
        headers.set("X-RateLimit-Requested-Tokens", requested);
        return headers;
    }

    @Test
    void retryAfterIsTheTimeUntilARequestsTokensAreBackAndAtLeastOneSecond() {
        assertThat(TooManyRequestsProblem.retryAfterSeconds(limiter("50", "1"))).isEqualTo(1);
        assertThat(TooManyRequestsProblem.retryAfterSeconds(limiter("1", "60"))).isEqualTo(60);
        assertThat(TooManyRequestsProblem.retryAfterSeconds(limiter("2", "5"))).isEqualTo(3);
    }

    @Test
    void withoutTheLimitersHeadersItSaysOneSecond() {
        assertThat(TooManyRequestsProblem.retryAfterSeconds(new HttpHeaders())).isEqualTo(1);
        assertThat(TooManyRequestsProblem.retryAfterSeconds(limiter("x", "1"))).isEqualTo(1);
    }
}
