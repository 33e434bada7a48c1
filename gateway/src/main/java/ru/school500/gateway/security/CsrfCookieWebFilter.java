package ru.school500.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The CSRF token is created lazily; subscribing to it here makes the XSRF-TOKEN cookie reach the page. Not for
 * a call with a bearer token: it is exempt from CSRF ({@link BrowserSessionWrites}), and a fresh token for each
 * such call cost a random UUID on a bounded-elastic thread and back, and a cookie nobody reads.
 */
@Component
class CsrfCookieWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null || BrowserSessionWrites.hasBearerToken(exchange) ? chain.filter(exchange)
                : token.then(chain.filter(exchange));
    }
}
