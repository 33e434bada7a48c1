package ru.school500.documentservice.security;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless resource server: every request's bearer token is checked for signature, issuer, expiry and
 * audience (see {@code spring.security.oauth2.resourceserver.jwt.*}); Keycloak realm roles become
 * {@code ROLE_*} authorities here and nowhere else. Coarse rules here (anonymous may only read the
 * best-practice registry; the change feed needs {@code ROLE_INDEXER}); the role, region, municipality and
 * school checks live in the feature services, and the registry itself shows anonymous callers only
 * published practices.
 * Public so that slice tests can import the real configuration.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page renders the problem of a request already refused or failed
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // metrics, loggers and the rest answer on the management port alone (ManagementPortSecurity)
                        .requestMatchers(ManagementPortSecurity.ACTUATOR_PATHS).denyAll()
                        .requestMatchers("/internal/**").hasAuthority(Role.INDEXER.authority())
                        .requestMatchers(HttpMethod.GET, "/api/documents/practices",
                                "/api/documents/practices/**").permitAll()
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
