package ru.school500.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * {@code SaveSession} (application.yml default filter) for requests that come with a session: a browser's
 * session, with the tokens {@code TokenRelay} may just have refreshed, is written to Redis before the request
 * goes on. A request without a session cookie has no tokens in any session to save; Spring Cloud Gateway's
 * {@code SaveSession} would still create a session for it (Spring Session draws its random id on a bounded-elastic
 * thread and comes back on a parallel one), which was two thread hops on every API call with a bearer token.
 */
@Component
class SaveBrowserSessionGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> BrowserSessionWrites.hasSessionCookie(exchange)
                ? exchange.getSession().flatMap(session -> session.save()).then(chain.filter(exchange))
                : chain.filter(exchange);
    }
}
