package ru.school500.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * The gateway's operational endpoints ({@code /actuator/prometheus} and whatever else a deployment exposes)
 * answer without a session or token, but only on a separate management port ({@code management.server.port}:
 * 9090 in deploy/k8s, 9080 in the local stack) that the Ingress never routes and a NetworkPolicy opens to the
 * monitoring namespace alone. On the public port only health and info answer: a signed-in user opens none of
 * them ({@code SecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    static final String ACTUATOR_PATHS = "/actuator/**";

    static ServerWebExchangeMatcher actuatorOnManagementPort(int managementPort, int serverPort) {
        return exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean management = managementPort > 0 && managementPort != serverPort && local != null
                    && local.getPort() == managementPort
                    && exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/");
            return management ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPort(ServerHttpSecurity http, @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort) {
        return http.securityMatcher(actuatorOnManagementPort(managementPort, serverPort))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }
}
