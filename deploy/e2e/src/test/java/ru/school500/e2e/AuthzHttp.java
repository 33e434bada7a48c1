package ru.school500.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;

/**
 * The matrix's HTTP calls: JSON or multipart bodies, the whole answer read as bytes (downloads and XLSX
 * exports are searched for markers too). A 429 of the gateway's rate limit or a passing 503 is waited out,
 * within a deadline, because it says nothing about authorization.
 */
final class AuthzHttp {

    static final String GATEWAY = GatewayContractIT.GATEWAY;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "PUT", "DELETE");

    /** An answer: status, content type and the body as text (an XLSX or other zip: the text of its entries). */
    record Answer(int status, String contentType, String text) {

        JsonNode json() {
            return Http.JSON.readTree(text);
        }

        String summary() {
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A body: JSON text, or multipart fields with one text file. */
    record Body(String json, Map<String, String> fields, String fileName, String fileText) {

        static Body json(String json) {
            return new Body(json, null, null, null);
        }

        static Body multipart(Map<String, String> fields, String fileName, String fileText) {
            return new Body(null, new LinkedHashMap<>(fields), fileName, fileText);
        }
    }

    private AuthzHttp() {
    }

    static Answer call(String method, String url, String token, Body body, Map<String, String> headers) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<byte[]> response = Http.send(request(method, url, token, body, headers),
                    HttpResponse.BodyHandlers.ofByteArray());
            // 429: the gateway's rate limit; 503: a service or Elasticsearch slower than the gateway's time limit on
            // this shared machine (idempotent methods only, as the gateway's own retry). Neither says anything about authorization; a 503
            // that stays is reported.
            boolean passing = response.statusCode() == 429 || (response.statusCode() == 503 && IDEMPOTENT.contains(method));
            if (!passing || Instant.now().isAfter(deadline)) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                return new Answer(response.statusCode(), type, text(response.body()));
            }
            long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            pause(Duration.ofMillis(Math.min(2000, Math.max(100, wait * 1000))));
        }
    }

    static Answer get(String path, String token) {
        return call("GET", GATEWAY + path, token, null, Map.of());
    }

    static Answer postJson(String path, String token, String json) {
        return call("POST", GATEWAY + path, token, Body.json(json), Map.of());
    }

    static JsonNode expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + answer.summary());
        }
        return answer.text().isEmpty() ? null : answer.json();
    }

    private static HttpRequest request(String method, String url, String token, Body body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null || method.equals("GET") || method.equals("DELETE")) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        if (body.json() != null) {
            return request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.json(), StandardCharsets.UTF_8)).build();
        }
        String boundary = "----authz" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        body.fields().forEach((name, value) -> form.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(body.fileName()).append("\"\r\nContent-Type: text/plain\r\n\r\n").append(body.fileText())
                .append("\r\n--").append(boundary).append("--\r\n");
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)).build();
    }

    /** UTF-8 text, or for a zip (XLSX, DOCX) the text of all its entries, so markers in cells are found. */
    static String text(byte[] body) {
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    zip.transferTo(bytes);
                    text.append(bytes.toString(StandardCharsets.UTF_8)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
