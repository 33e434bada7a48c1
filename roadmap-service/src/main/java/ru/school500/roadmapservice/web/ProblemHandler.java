package ru.school500.roadmapservice.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the service as RFC 9457 problem+json with a Russian {@code detail}; validation problems
 * name their fields in {@code fields}. Access denied inside a service method is 401 for an anonymous caller
 * (with {@code WWW-Authenticate: Bearer}) and 403 otherwise, like the filter chain answers.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Integer, String> RUSSIAN = Map.of(
            400, "Некорректный запрос.",
            404, "Ресурс не найден.",
            405, "Метод не поддерживается для этого адреса.",
            406, "Запрошенный формат ответа не поддерживается.",
            409, "Конфликт состояния.",
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
        return ResponseEntity.badRequest().body(validation(fields));
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
        return ResponseEntity.badRequest().body(validation(fields));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return ResponseEntity.badRequest().body(validation(Map.of(name, "недопустимое значение «" + ex.getValue() + "»")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && !isRussian(problem.getDetail())) {
            problem.setDetail(RUSSIAN.getOrDefault(statusCode.value(), "Запрос не выполнен."));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Bean validation of service arguments (the importer's entry point): the path without method and argument. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            fields.putIfAbsent(fieldPath(violation.getPropertyPath()), violation.getMessage());
        }
        return ResponseEntity.badRequest().body(validation(fields));
    }

    /** Two writers raced past the If-Match check: the second flush finds another version. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> raced(ObjectOptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "Запись изменена другим пользователем одновременно с вами. Загрузите её заново.");
        problem.setTitle("Данные устарели");
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
    }

    /** A concurrent writer created the same row first (e.g. the same organisation of a region). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> duplicate(DataIntegrityViolationException ex) {
        log.warn("integrity violation", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Данные противоречат уже сохранённым (возможно, их одновременно изменил другой пользователь). "
                        + "Повторите запрос.");
        problem.setTitle("Конфликт данных");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Anything else is a 500 in the same shape, without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unhandled error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Внутренняя ошибка сервиса. Повторите запрос позже.");
        problem.setTitle("Внутренняя ошибка");
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    ResponseEntity<ProblemDetail> denied(RuntimeException ex, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = ex instanceof AuthenticationException || authentication == null
                || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
        HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, anonymous
                ? "Требуется вход: нет действительного токена доступа."
                : isRussian(ex.getMessage()) ? ex.getMessage() : "Недостаточно прав для этого действия.");
        problem.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (anonymous) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }

    private static ProblemDetail validation(Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Проверьте поля: " + String.join(", ", fields.keySet()));
        problem.setTitle("Ошибка в данных запроса");
        problem.setProperty("fields", fields);
        return problem;
    }

    private static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }

    private static boolean isRussian(String text) {
        return text != null && text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }
}
