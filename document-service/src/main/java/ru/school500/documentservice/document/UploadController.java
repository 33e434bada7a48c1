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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.NoNulStrings;
import ru.school500.documentservice.web.Problems;

/**
 * {@code POST /api/documents}: parses the multipart body as a stream (commons-fileupload2; Spring's
 * multipart support is switched off because it buffers parts) and hands the file part straight to the
 * upload ({@link DocumentUploads}: stage, commit, verify, discard on failure), so a 1 GiB file passes with a
 * small heap. Fields may come before or after the file; they are checked once the body is read.
 */
@RestController
class UploadController {

    private static final int MAX_FIELDS = 100;

    private final DocumentUploads uploads;

    UploadController(DocumentUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(HttpServletRequest request) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try (DocumentUploads.Upload upload = uploads.begin(CurrentUser.current(), request.getContentLengthLong())) {
            JakartaServletFileUpload<?, ?> parser = new JakartaServletFileUpload<>();
            parser.setHeaderCharset(StandardCharsets.UTF_8);
            FileItemInputIterator items = parser.getItemIterator(request);
            int count = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++count > MAX_FIELDS) {
                    throw Problems.badRequest("Слишком много полей формы.");
                }
                if (item.isFormField()) {
                    fields.computeIfAbsent(item.getFieldName(), name -> new ArrayList<>()).add(readField(item));
                } else if ("file".equals(item.getFieldName())) {
                    try (InputStream body = item.getInputStream()) {
                        upload.stage(body, clientFileName(item));
                    }
                } else {
                    throw Problems.invalidFields(Map.of(item.getFieldName(), "Файл ожидается в поле file"));
                }
            }
            DocumentView view = upload.commit(UploadForm.parse(fields));
            return ResponseEntity.created(URI.create("/api/documents/" + view.id())).body(view);
        } catch (FileUploadException e) {
            throw Problems.badRequest("Не удалось разобрать multipart-запрос: " + e.getMessage());
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
