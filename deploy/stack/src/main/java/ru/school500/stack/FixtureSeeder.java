package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Loads the two real regional orders at first start, so a new user sees the Irkutsk 2021 and Kirov 2022
 * roadmaps immediately: each order is imported through the gateway as its region's operator
 * ({@code POST /api/roadmaps/import}: the file goes to document-service, the roadmap becomes a DRAFT) and
 * approved as its region's ministry ({@code POST /api/roadmaps/{id}/approve} with {@code If-Match}). Tokens
 * come from Keycloak by password grant of the public client {@code school500-cli}, like any API user's.
 * <p>
 * Runs once per data directory: afterwards {@code data/seed/fixtures.done} exists. An order whose roadmap is
 * already approved in its region is not imported again, and a draft left by a run that stopped between import
 * and approval is approved, so a run that failed half-way can simply be repeated.
 */
public final class FixtureSeeder {

    private record Fixture(String file, String region, String orderNumber, String operator, String ministry) {
    }

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("irkutsk-2021-order-294.txt", "38", "294-сп", "irk-operator", "irk-ministry"),
            new Fixture("kirov-2022-order-324.txt", "43", "324", "kir-operator", "kir-ministry"));

    private final PlatformApi api;

    FixtureSeeder(PlatformApi api) {
        this.api = api;
    }

    /** Seeds the fixture orders unless this data directory has been seeded already. */
    public static void seedOnce(PlatformStack stack) {
        Path marker = stack.layout().data("seed").resolve("fixtures.done");
        if (Files.exists(marker)) {
            return;
        }
        Path orders = fixtureOrders(stack);
        if (!Files.isDirectory(orders)) {
            Log.info("fixture orders not found at " + orders + ": the platform starts without roadmaps");
            return;
        }
        List<String> seeded = new FixtureSeeder(PlatformApi.of(stack, "seeding fixtures")).seed(orders);
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Instant.now() + "\n" + String.join("\n", seeded) + "\n");
        } catch (IOException e) {
            throw new StackException("fixtures seeded, but the marker " + marker + " could not be written", e);
        }
    }

    /** Seeds the fixture orders that are not approved yet, whatever the marker says (tests). */
    public static List<String> seed(PlatformStack stack) {
        return new FixtureSeeder(PlatformApi.of(stack, "seeding fixtures")).seed(fixtureOrders(stack));
    }

    private static Path fixtureOrders(PlatformStack stack) {
        return stack.layout().repoRoot().resolveSibling("shared").resolve("fixtures/roadmaps");
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
            PlatformApi.retrying("seeding " + fixture.file(), () -> seed(fixture, file)).ifPresent(line -> {
                seeded.add(line);
                Log.info("seeded " + line);
            });
        }
        return seeded;
    }

    private Optional<String> seed(Fixture fixture, Path file) {
        if (roadmapOfOrder(fixture, "APPROVED").isPresent()) {
            Log.info("region " + fixture.region() + " already has the approved roadmap of order № "
                    + fixture.orderNumber() + ": " + fixture.file() + " not imported");
            return Optional.empty();
        }
        Optional<JsonNode> draft = roadmapOfOrder(fixture, "DRAFT");
        if (draft.isPresent()) {
            approve(fixture, draft.get().path("id").asString(), draft.get().path("version").asLong());
            return Optional.of(fixture.file() + ": draft " + draft.get().path("id").asString()
                    + " of an earlier run approved by " + fixture.ministry());
        }
        return Optional.of(importAndApprove(fixture, file));
    }

    private Optional<JsonNode> roadmapOfOrder(Fixture fixture, String status) {
        JsonNode page = api.get("list " + status + " roadmaps of region " + fixture.region(), fixture.operator(),
                "/api/roadmaps?size=100&region=" + fixture.region() + "&status=" + status);
        for (JsonNode roadmap : page.path("content")) {
            if (fixture.orderNumber().equals(roadmap.path("approvingOrderNumber").asString())) {
                return Optional.of(roadmap);
            }
        }
        return Optional.empty();
    }

    private String importAndApprove(Fixture fixture, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StackException("seeding fixtures: cannot read " + file, e);
        }
        JsonNode imported = api.multipart("import " + fixture.file() + " as " + fixture.operator(), fixture.operator(),
                "/api/roadmaps/import", Map.of("region", List.of(fixture.region())),
                new PlatformApi.FilePart(fixture.file(), "application/octet-stream", bytes), 201);
        JsonNode roadmap = imported.path("roadmap");
        String id = roadmap.path("id").asString();
        long items = 0;
        for (JsonNode section : roadmap.path("sections")) {
            items += section.path("items").size();
        }
        approve(fixture, id, roadmap.path("version").asLong());
        return "%s: roadmap %s (region %s, %d items, %d import warnings), source document %s, approved by %s"
                .formatted(fixture.file(), id, fixture.region(), items, imported.path("warnings").size(),
                        imported.path("sourceDocument").path("id").asString(), fixture.ministry());
    }

    private void approve(Fixture fixture, String id, long version) {
        api.post("approve roadmap " + id + " as " + fixture.ministry(), fixture.ministry(),
                "/api/roadmaps/" + id + "/approve", Map.of("If-Match", "\"" + version + "\""), 200);
    }
}
