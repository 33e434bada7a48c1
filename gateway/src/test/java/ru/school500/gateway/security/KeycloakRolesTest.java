package ru.school500.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeycloakRolesTest {

    @Test
    void realmRolesBecomeSpringRoles() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("federal-analyst", "municipal-coordinator")));

        assertThat(KeycloakRoles.roles(claims)).containsExactly("ROLE_FEDERAL_ANALYST", "ROLE_MUNICIPAL_COORDINATOR");
    }

    @Test
    void aTokenWithoutRealmRolesHasNone() {
        assertThat(KeycloakRoles.roles(Map.of("sub", "x"))).isEmpty();
    }
}
