package ru.school500.searchservice.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the access token: the realm roles and the region, municipality and school
 * claims. A curator's {@code school} claim may list several schools; {@link #school()} is the first (the
 * school of a school user), {@link #schools()} all of them. Anonymous callers have no roles and no region.
 */
public record CurrentUser(String subject, String username, Set<Role> roles, String region, String municipality,
        List<String> schools) {

    private static final String REGION_CLAIM = "region";
    private static final String MUNICIPALITY_CLAIM = "municipality";
    private static final String SCHOOL_CLAIM = "school";

    public CurrentUser {
        roles = Set.copyOf(roles);
        schools = schools == null ? List.of() : List.copyOf(schools);
    }

    public static CurrentUser anonymous() {
        return new CurrentUser(null, "anonymous", Set.of(), null, null, List.of());
    }

    public static CurrentUser current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static CurrentUser from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return anonymous();
        }
        Jwt jwt = token.getToken();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getAuthorities().forEach(granted -> {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        });
        String username = jwt.getClaimAsString("preferred_username");
        return new CurrentUser(jwt.getSubject(), username == null ? jwt.getSubject() : username, roles,
                KeycloakClaims.single(jwt, REGION_CLAIM), KeycloakClaims.single(jwt, MUNICIPALITY_CLAIM),
                KeycloakClaims.list(jwt, SCHOOL_CLAIM));
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public String school() {
        return schools.isEmpty() ? null : schools.getFirst();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String otherRegion) {
        return region != null && region.equals(otherRegion);
    }
}
