package ru.school500.searchservice.security;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless resource server: signature, issuer, expiry and audience of every bearer token are checked
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); Keycloak realm roles become {@code ROLE_*}
 * authorities here and nowhere else. Search is open to anonymous callers because visibility is part of
 * every Elasticsearch query ({@code visibility.Readers}); comparison needs a staff role; the admin and
 * feed endpoints need the indexer's service account.
 * Public so that slice tests can import the real configuration.
 */
@Configuration
public class SecurityConfig {

    static final String[] COMPARISON_ROLES = { Role.FEDERAL_ANALYST.name(), Role.REGIONAL_OPERATOR.name(),
            Role.REGIONAL_MINISTRY.name(), Role.MUNICIPAL_COORDINATOR.name() };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the container's error dispatch renders the original status as problem+json (web.ErrorEndpoint)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // metrics, loggers and the rest answer on the management port alone (ManagementPortSecurity)
                        .requestMatchers(ManagementPortSecurity.ACTUATOR_PATHS).denyAll()
                        .requestMatchers("/internal/**").hasAuthority(Role.INDEXER.authority())
                        .requestMatchers(HttpMethod.GET, "/api/search", "/api/search/**").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/comparison/classifications/**")
                        .hasAnyRole(Role.FEDERAL_ANALYST.name(), Role.REGIONAL_OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/comparison/classifications/**")
                        .hasAnyRole(Role.FEDERAL_ANALYST.name(), Role.REGIONAL_OPERATOR.name())
                        .requestMatchers("/api/comparison", "/api/comparison/**").hasAnyRole(COMPARISON_ROLES)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static JwtAuthenticationConverter keycloakAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRolesConverter());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    static final class RealmRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<GrantedAuthority> authorities = KeycloakClaims.realmRoles(jwt).stream()
                    .flatMap(name -> Role.fromKeycloak(name).stream())
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
            return authorities;
        }
    }
}
