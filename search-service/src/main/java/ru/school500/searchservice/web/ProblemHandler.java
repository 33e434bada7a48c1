package ru.school500.searchservice.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error leaves the service as RFC 9457 problem+json with a Russian {@code detail}; validation problems name
 * their fields. What never reaches Spring MVC is rendered by {@link ErrorEndpoint} and {@link ContainerErrors}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Map<Integer, String> RUSSIAN = Map.of(
            400, "Некорректный запрос: проверьте параметры и тело запроса.",
            404, "Ресурс не найден.",
            405, "Метод не поддерживается для этого адреса.",
            406, "Запрошенный формат ответа не поддерживается.",
            409, "Конфликт состояния.",
            413, "Тело запроса слишком большое.",
            415, "Формат тела запроса не поддерживается.",
            500, "Внутренняя ошибка сервиса.");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(Problems.invalidFields(fields).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> fields.putIfAbsent(
                    error instanceof FieldError field ? field.getField() : name, error.getDefaultMessage()));
        });
        return ResponseEntity.badRequest().body(Problems.invalidFields(fields).getBody());
    }

    /** Spring's own errors (type mismatch, missing parameter, unreadable body…) get a Russian detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && !isRussian(problem.getDetail())) {
            problem.setDetail(RUSSIAN.getOrDefault(statusCode.value(),
                    statusCode.is5xxServerError() ? RUSSIAN.get(500) : RUSSIAN.get(400)));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static boolean isRussian(String text) {
        return text != null && text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        Map<String, String> fields = new LinkedHashMap<>();
        ex.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        });
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Проверьте параметры: " + String.join(", ", fields.keySet()));
        problem.setTitle("Ошибка в данных запроса");
        problem.setProperty("fields", fields);
        return problem;
    }
}
