package ru.school500.roadmapservice.roadmap.importer;

import org.springframework.http.HttpStatus;

/**
 * The uploaded file cannot become a roadmap. Carries the HTTP status, a stable machine code and a Russian
 * explanation for the person who uploaded it; nothing is stored when it is thrown.
 */
public class ImportRejectedException extends RuntimeException {

    /** Why a file was refused; each reason has its status. */
    public enum Reason {
        EMPTY_FILE(HttpStatus.BAD_REQUEST, "Пустой файл"),
        INVALID_CHOICE(HttpStatus.BAD_REQUEST, "Неверный параметр импорта"),
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Файл слишком большой"),
        UNSUPPORTED_FORMAT(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Формат файла не поддерживается"),
        ENCRYPTED(HttpStatus.UNPROCESSABLE_CONTENT, "Документ защищён паролем"),
        NO_TEXT_LAYER(HttpStatus.UNPROCESSABLE_CONTENT, "В документе нет текстового слоя"),
        UNSAFE_ARCHIVE(HttpStatus.UNPROCESSABLE_CONTENT, "Небезопасный архив документа"),
        UNSAFE_XML(HttpStatus.UNPROCESSABLE_CONTENT, "Недопустимое содержимое XML"),
        DAMAGED(HttpStatus.UNPROCESSABLE_CONTENT, "Документ повреждён"),
        TOO_COMPLEX(HttpStatus.UNPROCESSABLE_CONTENT, "Документ слишком сложен для разбора"),
        NO_ROADMAP_TABLE(HttpStatus.UNPROCESSABLE_CONTENT, "В документе не найдена таблица дорожной карты");

        final HttpStatus status;
        final String title;

        Reason(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Reason reason;

    public ImportRejectedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ImportRejectedException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
