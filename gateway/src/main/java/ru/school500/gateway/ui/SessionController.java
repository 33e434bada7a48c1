package ru.school500.gateway.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the web page who is logged in (nothing secret: the tokens stay in the server-side session). */
@RestController
class SessionController {

    @GetMapping("/session")
    Map<String, Object> session(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Map.of("authenticated", false);
        }
        Map<String, Object> claims = user.getClaims();
        return Map.of(
                "authenticated", true,
                "username", Optional.ofNullable(user.getPreferredUsername()).orElse(user.getSubject()),
                "name", Optional.ofNullable(user.getFullName()).orElse(""),
                "roles", authentication.getAuthorities().stream().map(Object::toString)
                        .filter(authority -> authority.startsWith("ROLE_")).toList(),
                "region", Optional.ofNullable(claims.get("region")).orElse(""),
                "municipality", Optional.ofNullable(claims.get("municipality")).orElse(""),
                "school", Optional.ofNullable(claims.get("school")).orElse(List.of()));
    }
}
