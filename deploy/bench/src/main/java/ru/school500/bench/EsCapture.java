package ru.school500.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the exact Elasticsearch requests search-service sends, so the baseline replays them byte for byte.
 * How: the Elasticsearch low-level client logs every request as a curl line (method, URL with its parameters,
 * body) on the logger {@code tracer} at TRACE. The harness turns that logger on through search-service's
 * {@code /actuator/loggers} endpoint (exposed for the benchmark only, see {@link Bench}), sends each query once,
 * turns it off again and reads the lines from search-service's log. Nothing sits between search-service and
 * Elasticsearch while the platform is measured.
 */
final class EsCapture {

    /** One captured request. */
    record EsRequest(String method, String url, String body) {
    }

    private static final Pattern CURL = Pattern.compile("curl -iX (\\w+) '([^']+)'(?: -d '(.*)')?\\s*$");

    private EsCapture() {
    }

    static List<EsRequest> capture(Api api, String searchServiceManagement, Path log, List<HttpRequest> queries) {
        long offset = size(log);
        level(api, searchServiceManagement, "TRACE");
        try {
            for (HttpRequest query : queries) {
                int status = LoadRun.send(api.http(), query);
                if (status != 200) {
                    throw new IllegalStateException("capture: " + query.uri() + " answered " + status);
                }
            }
        } finally {
            level(api, searchServiceManagement, null);
        }
        List<EsRequest> captured = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            captured = read(log, offset);
            if (captured.size() >= queries.size()) {
                break;
            }
            Thread.onSpinWait();
        }
        if (captured.size() != queries.size()) {
            throw new IllegalStateException("capture: " + queries.size() + " queries sent, " + captured.size()
                    + " search requests found in " + log + " (is the tracer logger reachable?)");
        }
        return captured;
    }

    /** On the management port, which answers without a token (and only on the loopback address). */
    private static void level(Api api, String searchServiceManagement, String level) {
        String body = level == null ? "{\"configuredLevel\":null}" : "{\"configuredLevel\":\"" + level + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(searchServiceManagement + "/actuator/loggers/tracer"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = LoadRun.send(api.http(), request);
        if (status != 204 && status != 200) {
            throw new IllegalStateException("capture: setting the tracer logger answered " + status);
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A structured (JSON, e.g. ECS) log line's message; empty for a plain text line. */
    private static java.util.Optional<String> message(String line) {
        if (!line.startsWith("{")) {
            return java.util.Optional.empty();
        }
        try {
            tools.jackson.databind.JsonNode json = Api.JSON.readTree(line);
            return json.hasNonNull("message") ? java.util.Optional.of(json.get("message").asString())
                    : java.util.Optional.empty();
        } catch (tools.jackson.core.JacksonException e) {
            return java.util.Optional.empty();
        }
    }

    /** The user searches (with facets and highlight) logged after {@code offset}. */
    private static List<EsRequest> read(Path log, long offset) {
        List<EsRequest> found = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] rest = new byte[(int) (file.length() - offset)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\\R")) {
                int at = line.indexOf("curl -iX ");
                if (at < 0) {
                    continue;
                }
                String message = message(line).orElse(line.substring(at));
                String request = message.substring(message.indexOf("curl -iX ")).lines().findFirst().orElse("");
                Matcher m = CURL.matcher(request);
                if (m.matches() && m.group(2).contains("/_search") && m.group(3) != null
                        && m.group(3).contains("\"aggregations\"") && m.group(3).contains("\"highlight\"")) {
                    found.add(new EsRequest(m.group(1), m.group(2), m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
