package ru.school500.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers (an unrouted {@code /api/...}, a missing page, a method not allowed, a
 * body too large, anything unexpected) is problem+json with a Russian detail, in place of Boot's default JSON.
 * The one exception is a person's browser opening a page address outside {@code /api/}: it asks for HTML, so it
 * gets the Russian error page of the web UI ({@code static/error/404.html}, 403, 500) with the same status. When
 * the session store (Redis) is down or stalled, a page or a call that needed the session is answered 503 with
 * Retry-After (the page {@code 503.html} with «Повторить»), not as an internal error.
 * Runs after {@link UnavailableServiceHandler}, which answers the 503s; being an
 * {@code ErrorWebExceptionHandler} bean it replaces Boot's default one.
 */
@Component
@Order(-1)
class ErrorProblems implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "Некорректный запрос: проверьте адрес, параметры и тело запроса."),
            Map.entry(404, "Ресурс не найден: такого адреса у платформы нет."),
            Map.entry(405, "Метод не поддерживается для этого адреса."),
            Map.entry(406, "Запрошенный формат ответа не поддерживается."),
            Map.entry(413, "Тело запроса слишком большое."),
            Map.entry(414, "Адрес запроса слишком длинный."),
            Map.entry(415, "Формат тела запроса не поддерживается."),
            Map.entry(431, "Заголовки запроса слишком большие."),
            Map.entry(500, "Внутренняя ошибка шлюза. Повторите запрос позже."),
            Map.entry(503, "Платформа временно недоступна. Повторите попытку через несколько секунд."));

    private final Problems problems;

    ErrorProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (isSessionStoreDown(failure)) {
            // the browser sessions' store (Redis) is down or stalled: the platform is not broken, only unreachable
            // for a moment, so the caller is told to try again rather than shown an internal error
            log.warn("session store unavailable: {}", failure.toString());
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return wantsPage(exchange) ? page(exchange, HttpStatus.SERVICE_UNAVAILABLE)
                    : problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, UnavailableServiceHandler.TITLE,
                            detail(HttpStatus.SERVICE_UNAVAILABLE));
        }
        HttpStatusCode code = failure instanceof ErrorResponse response ? response.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.error("unhandled error at the gateway", failure);
        }
        if (failure instanceof ErrorResponse response) {
            response.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        }
        if (wantsPage(exchange)) {
            return page(exchange, status);
        }
        return problems.write(exchange, status, title(status), detail(status));
    }

    /** Lettuce's own failures (a refused connection, a command timed out), also when Spring Data wraps them. */
    static boolean isSessionStoreDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.lettuce.core.RedisException
                    || cause instanceof org.springframework.data.redis.RedisConnectionFailureException) {
                return true;
            }
        }
        return false;
    }

    private static boolean wantsPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/internal/")) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (RuntimeException unreadable) {
            return false;
        }
        return accepted.stream().anyMatch(type -> type.getSubtype().equals("html"));
    }

    private Mono<Void> page(ServerWebExchange exchange, HttpStatus status) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        int shown = switch (status.value()) {
            case 403, 404, 503 -> status.value();
            default -> status.is5xxServerError() ? 500 : 404;
        };
        byte[] body;
        try (InputStream in = new ClassPathResource("static/error/" + shown + ".html").getInputStream()) {
            body = in.readAllBytes();
        } catch (IOException missing) {
            return problems.write(exchange, status, title(status), detail(status));
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static String title(HttpStatus status) {
        return status.is5xxServerError() ? "Ошибка шлюза" : "Ошибка запроса";
    }

    static String detail(HttpStatus status) {
        return DETAILS.getOrDefault(status.value(), status.is5xxServerError() ? DETAILS.get(500) : DETAILS.get(400));
    }
}
