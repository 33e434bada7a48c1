package ru.school500.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The circuit breaker filter reports a time-out as a 504 {@link ResponseStatusException}, which WebFlux's
 * problem-details advice would answer in English before {@link UnavailableServiceHandler} sees it. A slow
 * service is unavailable like a stopped one: 503 problem+json in Russian with a Retry-After hint.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UpstreamTimeoutAdvice {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> upstreamUnavailable(ResponseStatusException failure, ServerWebExchange exchange)
            throws ResponseStatusException {
        if (!UnavailableServiceHandler.isUnavailable(failure)) {
            throw failure;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                UnavailableServiceHandler.DETAIL);
        problem.setTitle(UnavailableServiceHandler.TITLE);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("route", route == null ? "unknown" : route.getId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
