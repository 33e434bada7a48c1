package ru.school500.documentservice.web;

import org.springframework.http.HttpStatus;

/**
 * Russian title and detail for an HTTP error status, for errors no feature described: Spring's own,
 * Tomcat's ({@link ProblemErrorReportValve}) and the error page ({@link ProblemErrorController}).
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Некорректный запрос";
            case 401 -> "Требуется вход";
            case 403 -> "Доступ запрещён";
            case 404 -> "Не найдено";
            case 405 -> "Метод не поддерживается";
            case 406 -> "Формат ответа не поддерживается";
            case 408 -> "Время ожидания запроса истекло";
            case 413 -> "Запрос слишком большой";
            case 414 -> "Адрес запроса слишком длинный";
            case 415 -> "Формат данных не поддерживается";
            case 416 -> "Диапазон недостижим";
            case 431 -> "Заголовки запроса слишком большие";
            case 503 -> "Сервис временно недоступен";
            default -> status >= 500 ? "Внутренняя ошибка" : "Ошибка запроса";
        };
    }

    public static String detail(int status) {
        return switch (status) {
            case 400 -> "Запрос составлен неверно: проверьте адрес, параметры и тело запроса.";
            case 401 -> "Требуется вход: нет действительного токена доступа.";
            case 403 -> "Недостаточно прав для этого действия.";
            case 404 -> "Такого адреса или объекта нет.";
            case 405 -> "Этот метод HTTP не поддерживается по этому адресу.";
            case 406 -> "Сервис не может ответить в запрошенном формате; используйте application/json.";
            case 408 -> "Запрос не был получен целиком вовремя.";
            case 413 -> "Тело запроса больше допустимого размера.";
            case 414 -> "Адрес запроса слишком длинный: сократите параметры.";
            case 415 -> "Формат тела запроса не поддерживается; используйте application/json или multipart/form-data.";
            case 416 -> "Запрошенный диапазон байтов вне файла.";
            case 431 -> "Заголовки запроса слишком большие.";
            case 503 -> "Сервис временно недоступен, повторите попытку позже.";
            default -> status >= 500
                    ? "Внутренняя ошибка сервиса. Повторите попытку позже; если ошибка повторится, сообщите в поддержку."
                    : HttpStatus.resolve(status) == null ? "Ошибка запроса." : "Запрос не может быть выполнен.";
        };
    }
}
