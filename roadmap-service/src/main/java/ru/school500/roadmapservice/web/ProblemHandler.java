package ru.school500.roadmapservice.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

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
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
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

    /**
     * A body that is not JSON of the expected shape, or holds a value no column could store
     * ({@link StorableInput}): 400 naming the field when the parser knows it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String original = String.valueOf(json.getOriginalMessage());
                String message = original.contains(StorableInput.NUL_MESSAGE) ? StorableInput.NUL_MESSAGE
                        : original.contains(StorableInput.DATE_MESSAGE) ? StorableInput.DATE_MESSAGE
                        : "недопустимое значение";
                return ResponseEntity.badRequest().body(validation(Map.of(jsonPath(json), message)));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Тело запроса не читается как JSON ожидаемого вида.");
        problem.setTitle("Ошибка в данных запроса");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The database refused a value (SQLSTATE class 22: a character it cannot store, a number or date out of its
     * range). Input checks catch these first; this keeps anything they miss a 400, not a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex) {
        String state = sqlState(ex);
        if (state != null && state.startsWith("22")) {
            log.info("value refused by the database (SQLSTATE {})", state);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Значение в запросе не может быть сохранено: недопустимый символ, слишком большое число "
                            + "или дата вне допустимого диапазона.");
            problem.setTitle("Ошибка в данных запроса");
            return ResponseEntity.badRequest().body(problem);
        }
        if (ex instanceof DataIntegrityViolationException) {
            return duplicate(ex);
        }
        if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessResourceException
                || ex instanceof RecoverableDataAccessException
                || lostDatabase(ex)) {
            return databaseDown(ex);
        }
        return unexpected(ex);
    }

    /** The database cannot be reached (no connection within the pool's timeout, a connection lost): 503. */
    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> databaseDown(Exception ex) {
        log.warn("database unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "База данных временно недоступна, повторите попытку позже.");
        problem.setTitle("Сервис временно недоступен");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }

    /** A concurrent writer created the same row first (e.g. the same organisation of a region). */
    private ResponseEntity<ProblemDetail> duplicate(DataAccessException ex) {
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
        if (lostDatabase(ex)) {
            return databaseDown(ex);
        }
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

    /**
     * A connection lost mid-transaction reaches us wrapped in whatever failed last, often the rollback ("Unable
     * to rollback against JDBC Connection", "Connection is closed", with no SQLSTATE): SQLSTATE class 08
     * (connection) or 57P (operator intervention) anywhere in the chain, a connection exception, or a transaction
     * that could not be begun, committed or rolled back is the passing outage, so 503, not 500.
     */
    static boolean lostDatabase(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof org.hibernate.TransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** {@code sections[0].items[2].task} from the parser's path. */
    private static String jsonPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
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
