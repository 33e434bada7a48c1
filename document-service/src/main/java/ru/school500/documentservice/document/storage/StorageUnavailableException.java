package ru.school500.documentservice.document.storage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** S3 did not answer (or answered with a server error): 503 problem+json with Retry-After. */
public class StorageUnavailableException extends ErrorResponseException {

    public StorageUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set("Retry-After", "30");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Хранилище файлов временно недоступно, повторите попытку позже.");
        problem.setTitle("Хранилище недоступно");
        return problem;
    }
}
