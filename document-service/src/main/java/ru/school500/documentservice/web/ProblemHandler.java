package ru.school500.documentservice.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.DatabindException;

/**
 * Every error leaves the service as RFC 9457 problem+json with a Russian detail; validation problems name
 * their fields. Spring's own exceptions get their Russian texts from {@code messages.properties}; any
 * that has none gets the Russian text of its status ({@link ProblemTexts}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
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

    /** Unreadable bodies; a value Jackson refused (a NUL, a number out of range) is named by its field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        DatabindException databind = cause(ex, DatabindException.class);
        String field = databind == null ? "" : databind.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : String.valueOf(reference.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("");
        if (!field.isEmpty()) {
            String message = databind.getOriginalMessage() != null
                    && databind.getOriginalMessage().contains(NoNulStrings.MESSAGE) ? NoNulStrings.MESSAGE
                            : "Значение не подходит по типу или диапазону";
            return ResponseEntity.badRequest().body(Problems.invalidFields(Map.of(field, message)).getBody());
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            russian(problem);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        Map<String, String> fields = new LinkedHashMap<>();
        ex.getConstraintViolations().forEach(v -> fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return Problems.invalidFields(fields).getBody();
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> databaseDown(Exception ex) {
        log.warn("database unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "База данных временно недоступна, повторите попытку позже.");
        problem.setTitle("Сервис временно недоступен");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }

    /**
     * The last line of defence for values that passed validation but that PostgreSQL refuses (SQLSTATE class
     * 22, "data exception": a NUL in text, a date or number out of range, a string too long): the caller's
     * input is at fault, so 400, not 500. Other integrity violations stay server errors.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataRefused(DataIntegrityViolationException ex) {
        SQLException sql = cause(ex, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            log.info("value refused by the database ({}): {}", sql.getSQLState(), sql.getMessage());
            return ResponseEntity.badRequest().body(Problems.badRequest(
                    "Значение не может быть сохранено: недопустимый символ, слишком длинный текст, число или дата "
                            + "вне допустимого диапазона.").getBody());
        }
        return unexpected(ex);
    }

    /** A sort or filter on a property the entity does not have (normally stopped by {@link Paging}). */
    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownProperty(PropertyReferenceException ex) {
        return Problems.invalidFields(Map.of("sort", "Неизвестное поле: " + ex.getPropertyName())).getBody();
    }

    /** Spring Security answers these itself (401/403 problems): let them pass through to its filters. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void security(RuntimeException ex) {
        throw ex;
    }

    /** The client went away mid-download: nobody to answer, nothing to alarm anyone about. */
    @ExceptionHandler(ClientAbortException.class)
    void clientGone(ClientAbortException ex) {
        log.debug("client closed the connection: {}", ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (lostDatabase(ex)) {
            return databaseDown(ex);
        }
        log.error("unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Внутренняя ошибка сервиса. Повторите попытку позже; если ошибка повторится, сообщите в поддержку.");
        problem.setTitle("Внутренняя ошибка");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static void russian(ProblemDetail problem) {
        if (problem.getDetail() == null || !CYRILLIC.matcher(problem.getDetail()).find()) {
            problem.setDetail(ProblemTexts.detail(problem.getStatus()));
        }
        if (problem.getTitle() == null || !CYRILLIC.matcher(problem.getTitle()).find()) {
            problem.setTitle(ProblemTexts.title(problem.getStatus()));
        }
    }

    /**
     * A connection lost while a transaction was under way (PostgreSQL restarted, the connection killed) reaches
     * us wrapped in whatever failed last, often the rollback ("Unable to rollback against JDBC Connection"):
     * SQLSTATE class 08 (connection exception) or 57P (operator intervention, e.g. an administrator's shutdown)
     * anywhere in the chain, a connection the pool reports closed, or a transaction that could not be begun,
     * committed or rolled back, is the passing outage, so 503, not 500.
     */
    static boolean lostDatabase(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof org.hibernate.TransactionException // begin, commit or rollback failed: the connection broke
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
