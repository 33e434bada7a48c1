package ru.school500.roadmapservice.security;

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
 * The operational endpoints ({@code /actuator/prometheus}, and whatever else a deployment exposes) answer without
 * a token, but only on a separate management port ({@code management.server.port}: 9090 in deploy/k8s, the
 * application port + 1000 in the local stack), which no gateway route or Ingress reaches and a NetworkPolicy
 * opens to the monitoring namespace alone. On the application port only health and info answer: a user's token
 * opens none of them ({@code SecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    static final String ACTUATOR_PATHS = "/actuator/**";

    /** An actuator call on the management port, when that port is set apart from the application's. */
    static RequestMatcher actuatorOnManagementPort(int managementPort, int serverPort) {
        return request -> managementPort > 0 && managementPort != serverPort
                && request.getLocalPort() == managementPort && request.getRequestURI().startsWith("/actuator/");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementPort(HttpSecurity http, @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort) throws Exception {
        return http.securityMatcher(actuatorOnManagementPort(managementPort, serverPort))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
