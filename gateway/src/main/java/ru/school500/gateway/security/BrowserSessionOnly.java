package ru.school500.gateway.security;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The security context and the saved request live in the browser's session. A request without a session
 * cookie has no session to read them from, yet asking for it makes Spring Session create one (its random id
 * drawn on a bounded-elastic thread, the request then going on on a parallel one): on every API call with a
 * bearer token. Here reads answer "nothing" at once for such requests; saving (a login, a page that needs one)
 * still creates the session as before.
 */
final class BrowserSessionOnly {

    private BrowserSessionOnly() {
    }

    static ServerSecurityContextRepository securityContexts() {
        WebSessionServerSecurityContextRepository session = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return session.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return BrowserSessionWrites.hasSessionCookie(exchange) ? session.load(exchange) : Mono.empty();
            }
        };
    }

    static ServerRequestCache requestCache() {
        WebSessionServerRequestCache session = new WebSessionServerRequestCache();
        return new ServerRequestCache() {
            @Override
            public Mono<Void> saveRequest(ServerWebExchange exchange) {
                return session.saveRequest(exchange);
            }

            @Override
            public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
                return BrowserSessionWrites.hasSessionCookie(exchange) ? session.getRedirectUri(exchange) : Mono.empty();
            }

            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return BrowserSessionWrites.hasSessionCookie(exchange) ? session.removeMatchingRequest(exchange)
                        : Mono.empty();
            }
        };
    }
}
