package ru.school500.roadmapservice.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the access token: the realm roles and the region, municipality and school
 * claims. Anonymous callers have no roles and no region.
 */
public record CurrentUser(String subject, String username, Set<Role> roles, String region, String municipality,
        String school) {

    public static final String REGION_CLAIM = "region";
    public static final String MUNICIPALITY_CLAIM = "municipality";
    public static final String SCHOOL_CLAIM = "school";

    public static CurrentUser anonymous() {
        return new CurrentUser(null, "anonymous", Set.of(), null, null, null);
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
        return new CurrentUser(jwt.getSubject(), username == null ? jwt.getSubject() : username, Set.copyOf(roles),
                KeycloakClaims.single(jwt, REGION_CLAIM), KeycloakClaims.single(jwt, MUNICIPALITY_CLAIM),
                KeycloakClaims.single(jwt, SCHOOL_CLAIM));
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String otherRegion) {
        return region != null && region.equals(otherRegion);
    }
}
