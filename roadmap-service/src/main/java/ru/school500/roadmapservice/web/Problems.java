package ru.school500.roadmapservice.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Errors a service method raises for the caller to see; {@link ProblemHandler} renders them as problem+json.
 * Details are in Russian, for people.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Не найдено", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Конфликт состояния", detail);
    }

    public static ErrorResponseException stale(long current) {
        ErrorResponseException e = problem(HttpStatus.PRECONDITION_FAILED, "Данные устарели",
                "Запись уже изменена другим пользователем (текущая версия " + current
                        + "). Загрузите её заново и повторите изменение.");
        e.getBody().setProperty("currentVersion", current);
        return e;
    }

    public static ErrorResponseException ifMatchRequired() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Нужен заголовок If-Match",
                "Изменение требует заголовка If-Match со значением ETag, полученным при чтении записи.");
    }

    public static ErrorResponseException invalid(Map<String, String> fields) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "Ошибка в данных запроса",
                "Проверьте поля: " + String.join(", ", fields.keySet()));
        e.getBody().setProperty("fields", fields);
        return e;
    }

    /**
     * 400 when a date taken from the path or query (JSON bodies are checked by {@link StorableInput}) is outside
     * the years 0001–9999 the database stores.
     */
    public static void requireStorable(String field, java.time.LocalDate date) {
        String problem = StorableInput.problemWith(date);
        if (problem != null) {
            throw invalid(Map.of(field, problem));
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
