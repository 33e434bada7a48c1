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
 * Prometheus scrapes the gateway's {@code /actuator/prometheus} without a session or token, but only on a
 * separate management port ({@code management.server.port}, 9090 in deploy/k8s) that the Ingress never
 * routes and a NetworkPolicy opens to the monitoring namespace alone. On the public port the endpoint is
 * refused like any other unauthenticated actuator call.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    static ServerWebExchangeMatcher scrapeOnManagementPort(int managementPort, int serverPort) {
        return exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean scrape = managementPort > 0 && managementPort != serverPort && local != null
                    && local.getPort() == managementPort
                    && SCRAPE_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value());
            return scrape ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain prometheusScrape(ServerHttpSecurity http, @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort) {
        return http.securityMatcher(scrapeOnManagementPort(managementPort, serverPort))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }
}
