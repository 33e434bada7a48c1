package ru.school500.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API as the seeders use it: through the gateway, with real access tokens of the demo
 * users from Keycloak (password grant of the public client {@code school500-cli}, which only the local realm
 * allows). Every call names its step; an unexpected status stops the seeding with that step, the status and
 * the problem body.
 */
final class PlatformApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "school500-cli";
    private static final String PASSWORD = "demo";
    /** Access tokens live 300 s in the realm; take a new one well before. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(120);

    private record CachedToken(String value, Instant fetched) {
    }

    /**
     * A failure that may pass: the gateway's time limit or circuit breaker (502/503/504), its rate limit (429), or
     * no answer at all. The call may still have taken effect, so callers retry whole steps that look first at
     * what is there ({@link #retrying}).
     */
    static final class TransientFailure extends StackException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final int ATTEMPTS = 4;

    /** Runs a step that checks the current state before it changes anything, again after a transient failure. */
    static <T> T retrying(String step, java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (TransientFailure e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Duration pause = Duration.ofSeconds(2L << (attempt - 1));
                Log.info(step + ": " + e.getMessage() + "; trying again in " + pause.toSeconds() + " s");
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted while waiting to repeat " + step);
                }
            }
        }
    }

    /** One file part of a multipart form. */
    record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> tokens = new HashMap<>();
    private final String gateway;
    private final String tokenUrl;
    private final String purpose;

    /** {@code purpose} starts every failure message ("seeding fixtures", "seeding demo data"). */
    PlatformApi(String gateway, String tokenUrl, String purpose) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
        this.purpose = purpose;
    }

    static PlatformApi of(PlatformStack stack, String purpose) {
        return new PlatformApi(stack.gatewayUrl(), stack.keycloak().issuer() + "/protocol/openid-connect/token",
                purpose);
    }

    JsonNode get(String step, String user, String path) {
        return json(step, send(request(user, path).GET(), step), Set.of(200));
    }

    JsonNode postJson(String step, String user, String path, Object body, int... expected) {
        return json(step, send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), step), statuses(expected));
    }

    JsonNode post(String step, String user, String path, Map<String, String> headers, int... expected) {
        HttpRequest.Builder request = request(user, path).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return json(step, send(request, step), statuses(expected));
    }

    JsonNode putJson(String step, String user, String path, Map<String, String> headers, Object body,
            int... expected) {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(request::header);
        return json(step, send(request, step), statuses(expected));
    }

    /** A multipart form: the text fields (a list repeats the field), then the file part named {@code file}. */
    JsonNode multipart(String step, String user, String path, Map<String, List<String>> fields, FilePart file,
            int... expected) {
        String boundary = "seed-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, values) -> values.forEach(value -> body.writeBytes(("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8))));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return json(step, send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), step), statuses(expected));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token of a demo user, reused for a while. */
    String token(String username) {
        CachedToken cached = tokens.get(username);
        if (cached != null && cached.fetched().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return cached.value();
        }
        String form = Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", PASSWORD)
                .entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String step = "token for " + username + " from Keycloak";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        String token = json(step, send(request, step), Set.of(200)).path("access_token").asString();
        tokens.put(username, new CachedToken(token, Instant.now()));
        return token;
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String step) {
        HttpRequest built = request.timeout(Duration.ofSeconds(90)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure(purpose + ": " + step + ": " + built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(purpose + ": interrupted during " + step);
        }
    }

    private JsonNode json(String step, HttpResponse<String> response, Set<Integer> expected) {
        if (!expected.contains(response.statusCode())) {
            String message = purpose + ": " + step + " answered HTTP " + response.statusCode()
                    + " (expected " + expected.stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "))
                    + ") for " + response.request().method() + " " + response.request().uri() + ": " + response.body();
            throw TRANSIENT.contains(response.statusCode()) ? new TransientFailure(message, null)
                    : new StackException(message);
        }
        if (response.body().isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new StackException(purpose + ": " + step + " answered no JSON: " + response.body(), e);
        }
    }

    private static Set<Integer> statuses(int... expected) {
        return expected.length == 0 ? Set.of(200)
                : java.util.Arrays.stream(expected).boxed().collect(Collectors.toUnmodifiableSet());
    }

    private static String write(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
