package ru.school500.gateway.security;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

/**
 * The gateway is the platform's only OAuth2 client. Browsers log in through Keycloak and keep their tokens
 * in the server-side session (relayed to the services by the {@code TokenRelay} filter); API clients send
 * their own bearer token, which is validated here and passed through unchanged. The services check every
 * token again, so nothing is open when they are called around the gateway.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            ProblemSecurityHandlers problems, BrowserProperties browser) {
        CookieServerCsrfTokenRepository csrfCookie = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.secure(browser.secureCookie()));

        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        new PathPatternParserServerWebExchangeMatcher("/api/**"), problems));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_PATH));

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/registry");
        logoutSuccess.setLogoutSuccessUrl(URI.create("/registry"));

        ServerSecurityContextRepository contexts = BrowserSessionOnly.securityContexts();
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // metrics and the rest answer on the management port alone (ManagementPortSecurity)
                        .pathMatchers(ManagementPortSecurity.ACTUATOR_PATHS).denyAll()
                        .pathMatchers("/roadmaps/import", "/practices/new").authenticated()
                        .pathMatchers(HttpMethod.GET, "/registry", "/search", "/practices/*", "/roadmaps", "/roadmaps/*")
                        .permitAll()
                        .pathMatchers("/registry/**", "/assets/**", "/favicon.ico", "/session").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        // published practices, approved roadmaps and public search are open to everyone;
                        // the services decide what an anonymous caller may see
                        .pathMatchers(HttpMethod.GET, "/api/roadmaps", "/api/roadmaps/**", "/api/search",
                                "/api/search/**", "/api/documents/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/api/documents/**").permitAll()
                        .anyExchange().authenticated())
                .securityContextRepository(contexts)
                .requestCache(cache -> cache.requestCache(BrowserSessionOnly.requestCache()))
                .oauth2Login(login -> login.authorizationRequestResolver(pkce).securityContextRepository(contexts))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakRoles.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie)
                        .accessDeniedHandler(problems)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new BrowserSessionWrites()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp
                        .policyDirectives(browser.contentSecurityPolicy())))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess));
        return http.build();
    }
}
