package ru.school500.roadmapservice.roadmap.importer;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The importer's refusals as RFC 9457 problem+json with Russian details and a stable {@code code}.
 * Ordered first so that upload problems get a Russian text: an upload over the servlet's multipart limit
 * fails before any controller is chosen, and the importer is the only multipart endpoint of the service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException rejected, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejected.reason().status, rejected.getMessage());
        problem.setTitle(rejected.reason().title);
        problem.setProperty("code", rejected.reason().name());
        ImportOutcomes.rejected(rejected.reason().name());
        return respond(problem, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException exceeded, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Файл больше допустимого размера загрузки.");
        problem.setTitle(ImportRejectedException.Reason.TOO_LARGE.title);
        problem.setProperty("code", ImportRejectedException.Reason.TOO_LARGE.name());
        ImportOutcomes.rejected(ImportRejectedException.Reason.TOO_LARGE.name());
        return respond(problem, request);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
            MultipartException.class})
    ResponseEntity<ProblemDetail> noFile(Exception missing, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Нужен файл распоряжения в части multipart «file».");
        problem.setTitle("Нет файла");
        problem.setProperty("code", "NO_FILE");
        ImportOutcomes.rejected("NO_FILE");
        return respond(problem, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
