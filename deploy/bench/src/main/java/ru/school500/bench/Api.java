package ru.school500.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's public API through the gateway, as the benchmark's accounts. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> RETRY = Set.of(429, 502, 503, 504);

    private final String base;
    private final Accounts accounts;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(String base, Accounts accounts) {
        this.base = base;
        this.accounts = accounts;
    }

    String base() {
        return base;
    }

    Accounts accounts() {
        return accounts;
    }

    HttpClient http() {
        return http;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode get(String user, String path) {
        return call(user, path, builder -> builder.GET(), 200);
    }

    JsonNode postJson(String user, String path, Object body, int expected) {
        return call(user, path, builder -> builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected);
    }

    JsonNode post(String user, String path, Map<String, String> headers, int expected) {
        return call(user, path, builder -> {
            headers.forEach(builder::header);
            return builder.POST(HttpRequest.BodyPublishers.noBody());
        }, expected);
    }

    JsonNode multipart(String user, String path, Map<String, List<String>> fields, String fileName, String type,
            byte[] content, int expected) {
        return multipart(user, path, fields, fileName, type, content, expected, RETRY);
    }

    /**
     * A multipart POST that creates something: repeated only after answers that say nothing was done (429, and 503
     * of an open circuit breaker); after a lost answer (an I/O error, 502, 504) the caller looks before trying again.
     */
    JsonNode multipartOnce(String user, String path, Map<String, List<String>> fields, String fileName, String type,
            byte[] content, int expected) {
        return multipart(user, path, fields, fileName, type, content, expected, Set.of(429, 503));
    }

    private JsonNode multipart(String user, String path, Map<String, List<String>> fields, String fileName,
            String type, byte[] content, int expected, Set<Integer> retry) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] body = multipartBody(boundary, fields, fileName, type, content);
        return call(user, path, builder -> builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), expected, retry, retry == RETRY);
    }

    JsonNode delete(String user, String path, Map<String, String> headers, int expected) {
        return call(user, path, builder -> {
            headers.forEach(builder::header);
            return builder.DELETE();
        }, expected);
    }

    static byte[] multipartBody(String boundary, Map<String, List<String>> fields, String fileName, String type,
            byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(multipartHead(boundary, fields, fileName, type));
        body.writeBytes(content);
        body.writeBytes(multipartTail(boundary));
        return body.toByteArray();
    }

    static byte[] multipartHead(String boundary, Map<String, List<String>> fields, String fileName, String type) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n")));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] multipartTail(String boundary) {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", "Bearer " + accounts.token(user));
        }
        return builder;
    }

    /** Sends; a 429 or a passing gateway failure is tried again after a pause (loading only, never measured). */
    private JsonNode call(String user, String path, java.util.function.UnaryOperator<HttpRequest.Builder> method,
            int expected) {
        return call(user, path, method, expected, RETRY, true);
    }

    private JsonNode call(String user, String path, java.util.function.UnaryOperator<HttpRequest.Builder> method,
            int expected, Set<Integer> retry, boolean retryIoErrors) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = method.apply(request(user, path)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (retryIoErrors && attempt < 4) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException(request.method() + " " + path + " as " + user + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (response.statusCode() == expected) {
                return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            }
            if (retry.contains(response.statusCode()) && attempt < 6) {
                pause(attempt);
                continue;
            }
            throw new IllegalStateException(request.method() + " " + path + " as " + user + ": HTTP "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(250L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
