package ru.school500.searchservice.security;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles of the Keycloak realm {@code school500}, as Spring authorities {@code ROLE_<NAME>}. */
public enum Role {
    FEDERAL_ANALYST("federal-analyst"),
    REGIONAL_OPERATOR("regional-operator"),
    REGIONAL_MINISTRY("regional-ministry"),
    MUNICIPAL_COORDINATOR("municipal-coordinator"),
    CURATOR("curator"),
    SCHOOL("school"),
    /** The search-service's own service account: reads the change feeds, runs the admin actions. */
    INDEXER("indexer");

    private final String keycloakName;

    Role(String keycloakName) {
        this.keycloakName = keycloakName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String keycloakName() {
        return keycloakName;
    }

    static Optional<Role> fromKeycloak(String name) {
        return Arrays.stream(values()).filter(role -> role.keycloakName.equals(name)).findFirst();
    }
}
