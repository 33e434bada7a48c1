package ru.school500.gateway.routing;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * A service that is down, slow or behind an open circuit breaker answers 503 problem+json with a
 * Retry-After hint. The routes deliberately have no fallback URI: a fallback would make the gateway
 * cache whole request bodies, which the upload routes must never do.
 */
@Component
@Order(-2)
class UnavailableServiceHandler implements WebExceptionHandler {

    static final String TITLE = "Сервис временно недоступен";
    static final String DETAIL = "Сервис не ответил вовремя. Повторите попытку через несколько секунд.";

    private final Problems problems;

    UnavailableServiceHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!isUnavailable(failure) || ErrorProblems.isSessionStoreDown(failure)) {
            // the session store is not a service behind a route: ErrorProblems answers that, with a page for a browser
            return Mono.error(failure);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "unknown" : route.getId();
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, Map.of("route", service));
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the circuit breaker filter reports an open circuit and a time-out with Spring Cloud Gateway's
            // own exceptions, which are no ResponseStatusException and carry no cause
            if (cause instanceof CallNotPermittedException || cause instanceof TimeoutException
                    || cause instanceof org.springframework.cloud.gateway.support.ServiceUnavailableException
                    || cause instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof reactor.netty.http.client.PrematureCloseException
                    || isConnectionLost(cause)) {
                return true;
            }
            if (cause instanceof ResponseStatusException status && (status.getStatusCode().value() == 503
                    || status.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An instance killed while a request was in flight resets the connection (Netty's native transport says
     * «Connection reset by peer», the JDK's «Connection reset», a body still being sent meets «Broken pipe»). A
     * request whose headers were sent is not retried, it may have had its effect: the caller is told to try again.
     */
    private static boolean isConnectionLost(Throwable cause) {
        if (!(cause instanceof java.io.IOException) || cause.getMessage() == null) {
            return false;
        }
        String message = cause.getMessage();
        return message.contains("Connection reset") || message.contains("Broken pipe");
    }
}
