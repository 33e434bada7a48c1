package ru.school500.documentservice.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import ru.school500.documentservice.document.storage.StagedObject;
import ru.school500.documentservice.document.storage.StagingArea;
import ru.school500.documentservice.document.storage.UploadRejectedException;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.NoNulStrings;
import ru.school500.documentservice.web.Problems;

/**
 * {@code POST /api/documents}: parses the multipart body as a stream (commons-fileupload2; Spring's
 * multipart support is switched off because it buffers parts) and hands the file part straight to
 * {@link StagingArea#stage}, so a 1 GiB file passes with a small heap. Fields may come before or after
 * the file; they are checked once the body is read, and a refused upload leaves no object behind.
 */
@RestController
class UploadController {

    /** Room for the multipart framing and the text fields on top of the file size limit. */
    private static final long FORM_OVERHEAD = 1024 * 1024;
    private static final int MAX_FIELDS = 100;

    private final DocumentService documents;
    private final StagingArea staging;

    UploadController(DocumentService documents, StagingArea staging) {
        this.documents = documents;
        this.staging = staging;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.current();
        documents.requireMayUpload(user);
        long declared = request.getContentLengthLong();
        if (declared > staging.maxFileSize() + FORM_OVERHEAD) {
            throw new UploadRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Файл слишком большой",
                    "Запрос больше допустимого размера файла " + (staging.maxFileSize() / (1024 * 1024)) + " МиБ.");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        StagedObject staged = null;
        boolean committed = false;
        try {
            JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
            upload.setHeaderCharset(StandardCharsets.UTF_8);
            FileItemInputIterator items = upload.getItemIterator(request);
            int count = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++count > MAX_FIELDS) {
                    throw Problems.badRequest("Слишком много полей формы.");
                }
                if (item.isFormField()) {
                    fields.computeIfAbsent(item.getFieldName(), name -> new ArrayList<>()).add(readField(item));
                } else if ("file".equals(item.getFieldName())) {
                    if (staged != null) {
                        throw Problems.badRequest("Передайте один файл в поле file.");
                    }
                    try (InputStream body = item.getInputStream()) {
                        staged = staging.stage(body, DocumentService.displayName(clientFileName(item)));
                    }
                } else {
                    throw Problems.invalidFields(Map.of(item.getFieldName(), "Файл ожидается в поле file"));
                }
            }
            if (staged == null) {
                throw Problems.invalidFields(Map.of("file", "Файл не передан"));
            }
            UploadForm form = UploadForm.parse(fields);
            DocumentView view = documents.commitUpload(user, form, staged);
            committed = true;
            view = documents.verifySignature(user, view);
            return ResponseEntity.created(URI.create("/api/documents/" + view.id())).body(view);
        } catch (FileUploadException e) {
            discardUnlessCommitted(staged, committed);
            throw Problems.badRequest("Не удалось разобрать multipart-запрос: " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            discardUnlessCommitted(staged, committed);
            throw e;
        }
    }

    /** The name the client gave the file; one with a NUL (commons-fileupload refuses it) is a 400. */
    private static String clientFileName(FileItemInput item) {
        try {
            return item.getName();
        } catch (InvalidPathException e) {
            throw Problems.invalidFields(Map.of("file", "Имя файла: " + NoNulStrings.MESSAGE));
        }
    }

    /** Compensation: a staged object whose commit did not happen is removed at once. */
    private void discardUnlessCommitted(StagedObject staged, boolean committed) {
        if (staged != null && !committed) {
            staging.discard(staged);
        }
    }

    private static String readField(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] bytes = in.readNBytes(UploadForm.MAX_FIELD_LENGTH * 4 + 1);
            if (bytes.length > UploadForm.MAX_FIELD_LENGTH * 4) {
                throw Problems.invalidFields(Map.of(item.getFieldName(), "Слишком длинное значение"));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
