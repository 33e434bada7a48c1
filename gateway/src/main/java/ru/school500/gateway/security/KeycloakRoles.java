package ru.school500.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

import reactor.core.publisher.Mono;

/** Keycloak realm roles ({@code realm_access.roles}) as {@code ROLE_FEDERAL_ANALYST}-style authorities. */
final class KeycloakRoles {

    private KeycloakRoles() {
    }

    static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(KeycloakRoles::authorities);
        converter.setPrincipalClaimName("preferred_username");
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt.getClaims()).stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    static List<String> roles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf)
                    .map(role -> "ROLE_" + role.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                    .toList();
        }
        return List.of();
    }
}
