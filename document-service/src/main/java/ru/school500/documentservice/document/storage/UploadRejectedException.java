package ru.school500.documentservice.document.storage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload refused while streaming: too large (413), type not allowed (415), empty or broken (400). */
public class UploadRejectedException extends ErrorResponseException {

    public UploadRejectedException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static UploadRejectedException tooLarge(long limit) {
        return new UploadRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Файл слишком большой",
                "Файл больше допустимого размера " + (limit / (1024 * 1024)) + " МиБ.");
    }

    static UploadRejectedException unsupportedType(String detected) {
        return new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Тип файла не поддерживается",
                "Тип файла " + detected + " не входит в список допустимых: PDF, DOC/DOCX, ODT, XLS/XLSX/ODS, PPTX, "
                        + "TXT, JPEG, PNG, открепленная подпись (.sig, .p7s).");
    }

    static UploadRejectedException empty() {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST, "Пустой файл", "Файл пустой.");
    }

    static UploadRejectedException interrupted() {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST, "Загрузка прервана",
                "Тело запроса оборвалось или повреждено, файл не сохранён.");
    }
}
