package ru.school500.documentservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Http;
import ru.school500.documentservice.support.OpenApi;
import ru.school500.documentservice.support.RunningService;

/**
 * Every error the service returns is RFC 9457 problem+json with a Russian detail, whoever produces it:
 * the controllers, Spring MVC, Spring Security or Tomcat itself. Endpoints come from the service's own
 * OpenAPI document, so a new endpoint is walked without touching this test.
 */
class ErrorShapeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private static RunningService service;
    private static OpenApi api;
    private static String token;

    @BeforeAll
    static void start() {
        service = RunningService.get();
        api = OpenApi.of(service);
        token = service.bearer(Users.KIR_SCHOOL1);
    }

    private record Probe(String what, int status, String contentType, String body) {

        Probe(String what, HttpResponse<String> response) {
            this(what, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }

        /** From a raw HTTP/1.0 answer (status line, headers, blank line, body). */
        static Probe raw(String what, String answer) {
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
            String body = headEnd < 0 ? "" : answer.substring(headEnd + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].split(" ").length > 1 ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new Probe(what, status, contentType, body);
        }
    }

    @Test
    void everyEndpointAnswersMalformedRequestsWithARussianProblem() {
        List<Probe> probes = new ArrayList<>();
        assertThat(api.operations()).hasSizeGreaterThan(20);
        for (OpenApi.Operation op : api.operations()) {
            String valid = path(op, "00000000-0000-4000-8000-000000000000", "1");
            probes.add(new Probe(op + " with a forged token", send(op.method(), valid, "Bearer forged.token.value",
                    null, null)));
            if (!op.in("path").isEmpty()) {
                probes.add(new Probe(op + " with malformed path variables",
                        send(op.method(), path(op, "не-идентификатор", "не-число"), token, null, null)));
            }
            for (OpenApi.Parameter p : op.in("query")) {
                String type = p.schema().path("type").asString();
                boolean typed = !"string".equals(type) || p.schema().has("enum") || p.schema().has("format");
                if (typed && !"object".equals(type) && !p.schema().has("properties")) {
                    probes.add(new Probe(op + " with malformed ?" + p.name(), send(op.method(),
                            valid + "?" + p.name() + "=" + URLEncoder.encode("не-значение", StandardCharsets.UTF_8),
                            token, null, null)));
                }
            }
            if (op.jsonBody() != null) {
                probes.add(new Probe(op + " with broken JSON", send(op.method(), valid, token, "application/json",
                        "{\"title\": \"")));
            }
            if ("multipart/form-data".equals(op.bodyMediaType())) {
                probes.add(new Probe(op + " with a broken multipart body", send(op.method(), valid, token,
                        "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data")));
            }
            if (op.hasBody()) {
                probes.add(new Probe(op + " with a body of the wrong type", send(op.method(), valid, token,
                        "text/plain", "просто текст")));
            }
            String unsupported = METHODS.stream()
                    .filter(m -> api.operations().stream().noneMatch(o -> o.path().equals(op.path())
                            && o.method().equals(m)))
                    .findFirst().orElse(null);
            if (unsupported != null) {
                probes.add(new Probe(unsupported + " " + op.path() + " (method not allowed)",
                        send(unsupported, valid, token, null, null)));
            }
        }
        assertEveryProbeIsAProblem(probes);
    }

    @Test
    void errorsRaisedBeforeTheApplicationAreRussianProblemsToo() {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("unknown path with a token", send("GET", "/api/documents/x/y/z/unknown", token, null,
                null)));
        probes.add(new Probe("unknown path without a token", send("GET", "/nothing-here", null, null, null)));
        probes.add(new Probe("20 KB query string", send("GET", "/api/documents?q=" + "я".repeat(10_000), token, null,
                null)));
        probes.add(new Probe("80 KB query string", send("GET", "/api/documents?q=" + "a".repeat(80_000), token, null,
                null)));
        for (String target : List.of("/api/documents/%00", "/api/documents/%00/content", "/api/documents/..%2F..%2F",
                "/api/documents/%2e%2e/%2e%2e/etc/passwd", "/api/documents/..;/x", "/api/%", "/api/documents/%C0%AE",
                "/api/documents?q=%", "/api/documents/\\..\\")) {
            probes.add(Probe.raw("raw " + target, Http.raw(service.port(), target)));
        }
        assertEveryProbeIsAProblem(probes);
    }

    private static void assertEveryProbeIsAProblem(List<Probe> probes) {
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : probes) {
            softly.assertThat(probe.status()).as(probe.what() + ": status").isBetween(400, 499);
            softly.assertThat(probe.contentType()).as(probe.what() + ": content type")
                    .startsWith("application/problem+json");
            JsonNode body;
            try {
                body = JSON.readTree(probe.body());
            } catch (RuntimeException e) {
                softly.fail(probe.what() + ": body is not JSON: " + probe.body());
                continue;
            }
            softly.assertThat(body.path("status").asInt()).as(probe.what() + ": status in body")
                    .isEqualTo(probe.status());
            softly.assertThat(body.path("detail").asString()).as(probe.what() + ": Russian detail")
                    .containsPattern("\\p{IsCyrillic}");
        }
        softly.assertAll();
    }

    private static String path(OpenApi.Operation op, String id, String number) {
        String path = op.path();
        for (OpenApi.Parameter p : op.in("path")) {
            String type = p.schema().path("type").asString();
            String value = "integer".equals(type) ? number : id;
            path = path.replace("{" + p.name() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return path;
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String authorization,
            String contentType, String body) {
        HttpRequest.Builder request = Http.request(service.url(pathAndQuery));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(request.build());
    }
}
