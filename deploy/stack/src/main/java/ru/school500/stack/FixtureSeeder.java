package ru.school500.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the two real regional orders at first start, so a new user sees the Irkutsk 2021 and Kirov 2022
 * roadmaps immediately: each order is imported through the gateway as its region's operator
 * ({@code POST /api/roadmaps/import}: the file goes to document-service, the roadmap becomes a DRAFT) and
 * approved as its region's ministry ({@code POST /api/roadmaps/{id}/approve} with {@code If-Match}). Tokens
 * come from Keycloak by password grant of the public client {@code school500-cli}, like any API user's.
 * <p>
 * Runs once per data directory: afterwards {@code data/seed/fixtures.done} exists. A region that already has
 * roadmaps is not imported again (a run that failed half-way can simply be repeated).
 */
final class FixtureSeeder {

    private record Fixture(String file, String region, String operator, String ministry) {
    }

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("irkutsk-2021-order-294.txt", "38", "irk-operator", "irk-ministry"),
            new Fixture("kirov-2022-order-324.txt", "43", "kir-operator", "kir-ministry"));

    private static final String CLIENT = "school500-cli";
    private static final String PASSWORD = "demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String tokenUrl;

    FixtureSeeder(String gateway, String tokenUrl) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
    }

    static void seedOnce(PlatformStack stack) {
        Path marker = stack.layout().data("seed").resolve("fixtures.done");
        if (Files.exists(marker)) {
            return;
        }
        Path orders = stack.layout().repoRoot().resolveSibling("shared").resolve("fixtures/roadmaps");
        if (!Files.isDirectory(orders)) {
            Log.info("fixture orders not found at " + orders + ": the platform starts without roadmaps");
            return;
        }
        List<String> seeded = new FixtureSeeder(stack.gatewayUrl(),
                stack.keycloak().issuer() + "/protocol/openid-connect/token").seed(orders);
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Instant.now() + "\n" + String.join("\n", seeded) + "\n");
        } catch (IOException e) {
            throw new StackException("fixtures seeded, but the marker " + marker + " could not be written", e);
        }
    }

    /** Imports and approves every fixture found in {@code orders}; answers one line per seeded roadmap. */
    List<String> seed(Path orders) {
        List<String> seeded = new ArrayList<>();
        for (Fixture fixture : FIXTURES) {
            Path file = orders.resolve(fixture.file());
            if (!Files.isRegularFile(file)) {
                Log.info("fixture " + file + " is missing: not seeded");
                continue;
            }
            String operator = token(fixture.operator());
            JsonNode existing = json("list roadmaps of region " + fixture.region(), send(HttpRequest
                    .newBuilder(URI.create(gateway + "/api/roadmaps?region=" + fixture.region()))
                    .header("Authorization", "Bearer " + operator).GET()), 200);
            if (existing.path("totalElements").asLong() > 0) {
                Log.info("region " + fixture.region() + " already has roadmaps: " + fixture.file() + " not imported");
                continue;
            }
            seeded.add(importAndApprove(fixture, file, operator));
            Log.info("seeded " + seeded.getLast());
        }
        return seeded;
    }

    private String importAndApprove(Fixture fixture, Path file, String operatorToken) {
        String boundary = "seed-" + UUID.randomUUID();
        byte[] form = multipart(boundary, Map.of("region", fixture.region()), file);
        String step = "import " + fixture.file() + " as " + fixture.operator();
        JsonNode imported = json(step, send(HttpRequest.newBuilder(URI.create(gateway + "/api/roadmaps/import"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))), 201);
        JsonNode roadmap = imported.path("roadmap");
        String id = roadmap.path("id").asString();
        long items = 0;
        for (JsonNode section : roadmap.path("sections")) {
            items += section.path("items").size();
        }

        step = "approve roadmap " + id + " as " + fixture.ministry();
        json(step, send(HttpRequest.newBuilder(URI.create(gateway + "/api/roadmaps/" + id + "/approve"))
                .header("Authorization", "Bearer " + token(fixture.ministry()))
                .header("If-Match", "\"" + roadmap.path("version").asLong() + "\"")
                .POST(HttpRequest.BodyPublishers.noBody())), 200);
        return "%s: roadmap %s (region %s, %d items, %d import warnings), source document %s, approved by %s"
                .formatted(fixture.file(), id, fixture.region(), items, imported.path("warnings").size(),
                        imported.path("sourceDocument").path("id").asString(), fixture.ministry());
    }

    /** An access token of a demo user (password grant; the realm allows it for this public client only locally). */
    private String token(String username) {
        String form = Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", PASSWORD)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return json("token for " + username + " from Keycloak", response, 200).path("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(90)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("seeding fixtures: " + built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("seeding fixtures: interrupted");
        }
    }

    private static JsonNode json(String step, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new StackException("seeding fixtures: " + step + " answered HTTP " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new StackException("seeding fixtures: " + step + " answered no JSON: " + response.body(), e);
        }
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, Path file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            body.writeBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new StackException("seeding fixtures: cannot read " + file, e);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
