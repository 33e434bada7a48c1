package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

class ManagementPortSecurityTest {

    private static boolean matches(ServerWebExchangeMatcher matcher, String path, int localPort) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                .localAddress(new InetSocketAddress("127.0.0.1", localPort)));
        return matcher.matches(exchange).block().isMatch();
    }

    @Test
    void theScrapeIsOpenOnlyOnASeparateManagementPort() {
        ServerWebExchangeMatcher scrape = ManagementPortSecurity.scrapeOnManagementPort(9090, 8080);
        assertThat(matches(scrape, "/actuator/prometheus", 9090)).isTrue();
        assertThat(matches(scrape, "/actuator/prometheus", 8080)).isFalse();
        assertThat(matches(scrape, "/actuator/env", 9090)).isFalse();
        assertThat(matches(scrape, "/api/search", 9090)).isFalse();
    }

    @Test
    void withoutASeparateManagementPortTheScrapeNeedsASession() {
        assertThat(matches(ManagementPortSecurity.scrapeOnManagementPort(-1, 8080), "/actuator/prometheus", 8080)).isFalse();
        assertThat(matches(ManagementPortSecurity.scrapeOnManagementPort(8080, 8080), "/actuator/prometheus", 8080)).isFalse();
    }
}
