package ru.school500.gateway.security;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * CSRF protection applies to state-changing requests that ride on the session cookie. A request that
 * carries its own bearer token, or no session cookie at all, cannot act on a victim's session: it is
 * exempt, and an anonymous write is then answered 401 by the authorization rules, not 403.
 */
final class BrowserSessionWrites implements ServerWebExchangeMatcher {

    static final String SESSION_COOKIE = "SESSION";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return MatchResult.notMatch();
        }
        if (hasBearerToken(exchange)) {
            return MatchResult.notMatch();
        }
        return hasSessionCookie(exchange) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean hasSessionCookie(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
    }
}
