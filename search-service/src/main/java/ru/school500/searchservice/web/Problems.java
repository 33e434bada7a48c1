package ru.school500.searchservice.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The service's HTTP error vocabulary: features throw these and {@link ProblemHandler} (through
 * {@code ResponseEntityExceptionHandler}) writes them as RFC 9457 problem+json with Russian details.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "Не найдено", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "Доступ запрещён", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "Конфликт состояния", detail);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "Ошибка в данных запроса", detail);
    }

    public static ErrorResponseException unavailable(String detail) {
        ErrorResponseException error = of(HttpStatus.SERVICE_UNAVAILABLE, "Сервис временно недоступен", detail);
        error.getHeaders().set("Retry-After", "10");
        return error;
    }

    /** 400 naming the fields at fault, like bean-validation errors. */
    public static ErrorResponseException invalidFields(Map<String, String> fields) {
        ErrorResponseException error = badRequest("Проверьте поля: " + String.join(", ", fields.keySet()));
        error.getBody().setProperty("fields", fields);
        return error;
    }
}
