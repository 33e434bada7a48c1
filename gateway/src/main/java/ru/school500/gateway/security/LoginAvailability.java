package ru.school500.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A login starts with a redirect to Keycloak; when Keycloak is down the browser would show its own "cannot
 * connect" page. Before redirecting, this checks (at most every two seconds) that Keycloak answers, and otherwise
 * shows the platform's Russian page «Вход временно недоступен» with 503. Signed-in sessions and bearer tokens
 * are not affected: they need Keycloak only to renew tokens.
 */
@Component
class LoginAvailability implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LoginAvailability.class);
    static final String PAGE = "static/error/login-unavailable.html";
    private static final Duration RECHECK = Duration.ofSeconds(2);

    private record Check(boolean up, Instant at) {
    }

    private final WebClient keycloak;
    private final String discovery;
    private final AtomicReference<Check> last = new AtomicReference<>(new Check(true, Instant.EPOCH));
    private final byte[] page;

    LoginAvailability(@Value("${platform.keycloak.issuer}") String issuer) {
        this.discovery = issuer + "/.well-known/openid-configuration";
        this.keycloak = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000).responseTimeout(Duration.ofMillis(1500)))).build();
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Before Spring Security's filter chain (order -100), which would send the redirect. */
    @Override
    public int getOrder() {
        return -101;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/oauth2/authorization/")) {
            return chain.filter(exchange);
        }
        return keycloakUp().flatMap(up -> up ? chain.filter(exchange) : unavailable(exchange));
    }

    private Mono<Boolean> keycloakUp() {
        Check check = last.get();
        if (Duration.between(check.at(), Instant.now()).compareTo(RECHECK) < 0) {
            return Mono.just(check.up());
        }
        return keycloak.get().uri(discovery).retrieve().toBodilessEntity()
                .map(response -> true)
                .onErrorResume(failure -> Mono.just(false))
                .doOnNext(up -> {
                    if (last.getAndSet(new Check(up, Instant.now())).up() != up) {
                        log.warn(up ? "Keycloak answers again: logins open" : "Keycloak does not answer at {}: logins "
                                + "get the «Вход временно недоступен» page", discovery);
                    }
                });
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
        response.getHeaders().set("Retry-After", "30");
        response.getHeaders().setCacheControl("no-store");
        DataBuffer body = response.bufferFactory().wrap(page);
        return response.writeWith(Mono.just(body));
    }
}
