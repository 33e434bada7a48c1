package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class BrowserSessionWritesTest {

    private final BrowserSessionWrites matcher = new BrowserSessionWrites();

    @Test
    void aWriteRidingOnTheSessionCookieNeedsACsrfToken() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/roadmaps")
                .cookie(new HttpCookie("SESSION", "abc")));

        assertThat(matcher.matches(exchange).block().isMatch()).isTrue();
    }

    @Test
    void bearerCallsReadsAndCallsWithoutSessionAreExempt() {
        var bearer = MockServerWebExchange.from(MockServerHttpRequest.post("/api/roadmaps")
                .cookie(new HttpCookie("SESSION", "abc")).header("Authorization", "Bearer x.y.z"));
        var read = MockServerWebExchange.from(MockServerHttpRequest.get("/api/roadmaps")
                .cookie(new HttpCookie("SESSION", "abc")));
        var anonymous = MockServerWebExchange.from(MockServerHttpRequest.post("/api/roadmaps"));

        assertThat(matcher.matches(bearer).block().isMatch()).isFalse();
        assertThat(matcher.matches(read).block().isMatch()).isFalse();
        assertThat(matcher.matches(anonymous).block().isMatch()).isFalse();
    }
}
