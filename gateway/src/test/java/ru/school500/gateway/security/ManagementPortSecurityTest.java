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
    void actuatorCallsAreOpenOnlyOnASeparateManagementPort() {
        ServerWebExchangeMatcher management = ManagementPortSecurity.actuatorOnManagementPort(9090, 8080);
        assertThat(matches(management, "/actuator/prometheus", 9090)).isTrue();
        assertThat(matches(management, "/actuator/metrics", 9090)).isTrue();
        assertThat(matches(management, "/actuator/prometheus", 8080)).isFalse();
        assertThat(matches(management, "/api/search", 9090)).isFalse();
    }

    @Test
    void withoutASeparateManagementPortNothingIsOpened() {
        assertThat(matches(ManagementPortSecurity.actuatorOnManagementPort(-1, 8080), "/actuator/prometheus", 8080)).isFalse();
        assertThat(matches(ManagementPortSecurity.actuatorOnManagementPort(8080, 8080), "/actuator/prometheus", 8080)).isFalse();
    }
}
