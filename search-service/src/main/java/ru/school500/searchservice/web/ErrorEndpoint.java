package ru.school500.searchservice.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces Boot's {@code /error} JSON: whatever reaches the servlet container's error dispatch (a filter's
 * {@code sendError}, a firewall rejection, an exception outside Spring MVC) leaves as problem+json with a
 * Russian detail. Errors of Spring MVC itself never get here: {@link ProblemHandler} answers them.
 */
@RestController
@Hidden
class ErrorEndpoint implements ErrorController {

    static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "Некорректный запрос: проверьте адрес, параметры и тело запроса."),
            Map.entry(401, "Требуется вход: нет действительного токена доступа."),
            Map.entry(403, "Недостаточно прав для этого действия."),
            Map.entry(404, "Ресурс не найден."),
            Map.entry(405, "Метод не поддерживается для этого адреса."),
            Map.entry(408, "Запрос не получен вовремя."),
            Map.entry(413, "Тело запроса слишком большое."),
            Map.entry(414, "Адрес запроса слишком длинный."),
            Map.entry(415, "Формат тела запроса не поддерживается."),
            Map.entry(431, "Заголовки запроса слишком большие."),
            Map.entry(500, "Внутренняя ошибка сервиса. Повторите запрос позже."),
            Map.entry(503, "Сервис временно недоступен. Повторите запрос позже."));

    private final JsonMapper json;

    ErrorEndpoint(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.NOT_FOUND.value();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        byte[] body = json.writeValueAsBytes(problem(status, uri == null ? null : uri.toString()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The problem for a bare status, as the container and this endpoint write it. */
    static ProblemDetail problem(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Ошибка" : known.is5xxServerError() ? "Ошибка сервиса" : "Ошибка запроса");
        problem.setDetail(DETAILS.getOrDefault(status, status >= 500 ? DETAILS.get(500) : DETAILS.get(400)));
        if (path != null && !path.isBlank()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a rejected request's path need not be a valid URI: leave instance out
            }
        }
        return problem;
    }
}
