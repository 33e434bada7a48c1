package ru.school500.documentservice.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.school500.documentservice.document.storage.ObjectStore;
import ru.school500.documentservice.web.Problems;

/**
 * Writes a stored version to the response as a stream: Content-Disposition with an ASCII fallback and the
 * RFC 5987 {@code filename*} for Cyrillic names, a strong ETag (the SHA-256), conditional GET, and single
 * byte ranges (206, or a 416 problem when unsatisfiable). Bytes flow from S3 to the client without buffering.
 */
@Component
class ContentResponses {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final ObjectStore store;

    ContentResponses(ObjectStore store) {
        this.store = store;
    }

    void write(DocumentService.Content content, HttpServletRequest request, HttpServletResponse response,
            boolean inline) throws IOException {
        String etag = "\"" + content.sha256() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, content.uploadedAt().toEpochMilli());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        long size = content.size();
        long start = 0;
        long end = size - 1;
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    long suffix = position(m.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = position(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, position(m.group(2)));
                    }
                }
                if (start >= size || start > end || (m.group(1).isEmpty() && position(m.group(2)) == 0)) {
                    throw unsatisfiable(size);
                }
                partial = true;
            }
            // several ranges or a malformed header: the whole file (RFC 9110 allows ignoring Range)
        }
        long length = end - start + 1;
        // opened before the content headers are set: an S3 failure still becomes a clean 503 problem
        try (InputStream in = store.get(content.objectKey(), start, partial ? length : null)) {
            response.setContentType(content.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(content.fileName(), inline));
            if (partial) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
            }
            response.setContentLengthLong(length);
            if ("HEAD".equals(request.getMethod())) {
                return;
            }
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    /** A byte position of a Range header; more digits than a long holds mean "beyond any file". */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** 416 as a problem, with the {@code Content-Range: bytes *}{@code /size} that tells the client the size. */
    private static ErrorResponseException unsatisfiable(long size) {
        ErrorResponseException error = Problems.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "Диапазон недостижим",
                "Запрошенный диапазон байтов вне файла размером " + size + " байт.");
        error.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return error;
    }

    /** {@code attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded} (RFC 6266 / 5987). */
    static String contentDisposition(String fileName, boolean inline) {
        String fallback = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2E", ".").replace("%2D", "-").replace("%5F", "_").replace("%7E", "~");
        return (inline ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
