package ru.school500.documentservice.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Prometheus scrapes {@code /actuator/prometheus} without a token, but only on a separate management port
 * ({@code management.server.port}, 9090 in deploy/k8s), which no gateway route or Ingress reaches and a
 * NetworkPolicy opens to the monitoring namespace alone. On the application port the endpoint stays behind
 * the resource server like everything else.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    /** The scrape on the management port, when that port is set apart from the application's. */
    static RequestMatcher scrapeOnManagementPort(int managementPort, int serverPort) {
        return request -> managementPort > 0 && managementPort != serverPort
                && request.getLocalPort() == managementPort && SCRAPE_PATH.equals(request.getRequestURI());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain prometheusScrape(HttpSecurity http, @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort) throws Exception {
        return http.securityMatcher(scrapeOnManagementPort(managementPort, serverPort))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
