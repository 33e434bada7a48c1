package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Loads the demo set ({@link DemoSet}, resources under {@code demo/}) through the public APIs, as its people
 * would: the school creates its practices, attaches files and submits them, the regional operator takes them
 * into review and publishes, returns or rejects them; the school uploads its materials and their new versions,
 * the curator (or the operator) comments on them; the operator and the municipal coordinator report progress
 * on the seed roadmaps.
 * <p>
 * Every step looks first at what is already there (a practice or material by its title, a practice's status,
 * files and comments, a material's versions and comments, a report by item and stage), so a second run creates
 * nothing and a run that stopped half-way continues where it stopped. Runs once per data directory: afterwards
 * {@code data/seed/demo.done} exists.
 */
public final class DemoSeeder {

    /** What one run created; all zero when everything was there already. */
    public record Summary(int practicesCreated, int practiceSteps, int filesUploaded, int materialsCreated,
            int versionsUploaded, int commentsAdded, int reportsCreated) {

        public boolean createdNothing() {
            return practicesCreated + practiceSteps + filesUploaded + materialsCreated + versionsUploaded
                    + commentsAdded + reportsCreated == 0;
        }

        @Override
        public String toString() {
            return "%d practices created, %d workflow steps, %d practice files, %d materials, %d new versions, %d comments, %d progress reports"
                    .formatted(practicesCreated, practiceSteps, filesUploaded, materialsCreated, versionsUploaded,
                            commentsAdded, reportsCreated);
        }
    }

    private final PlatformApi api;
    private final DemoSet demo;
    private int practicesCreated;
    private int practiceSteps;
    private int filesUploaded;
    private int materialsCreated;
    private int versionsUploaded;
    private int commentsAdded;
    private int reportsCreated;
    private boolean incomplete;

    DemoSeeder(PlatformApi api, DemoSet demo) {
        this.api = api;
        this.demo = demo;
    }

    /** Seeds the demo set unless this data directory has it already; the fixture roadmaps must be seeded first. */
    public static void seedOnce(PlatformStack stack) {
        Path marker = stack.layout().data("seed").resolve("demo.done");
        if (Files.exists(marker)) {
            return;
        }
        DemoSeeder seeder = new DemoSeeder(PlatformApi.of(stack, "seeding demo data"), DemoSet.load());
        Summary summary = seeder.seed();
        if (seeder.incomplete) {
            Log.info("demo data: seeded without the progress reports of a missing roadmap; the next start tries again");
            return;
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Instant.now() + "\n" + summary + "\n");
        } catch (IOException e) {
            throw new StackException("demo data seeded, but the marker " + marker + " could not be written", e);
        }
    }

    /** Seeds whatever of the demo set is missing, whatever the marker says (tests). */
    public static Summary seed(PlatformStack stack) {
        return new DemoSeeder(PlatformApi.of(stack, "seeding demo data"), DemoSet.load()).seed();
    }

    Summary seed() {
        Log.info("demo data (fictional): " + demo.practiceCount() + " practices, materials and progress reports in "
                + demo.regions().size() + " regions");
        for (DemoSet.Region region : demo.regions()) {
            for (int i = 0; i < region.practices().size(); i++) {
                DemoSet.Practice practice = region.practices().get(i);
                int number = i + 1;
                PlatformApi.retrying("demo practice «" + practice.title() + "»", () -> {
                    practice(region, practice, number);
                    return null;
                });
            }
            Map<String, String> materialIds = new HashMap<>();
            for (int i = 0; i < region.materials().size(); i++) {
                DemoSet.Material material = region.materials().get(i);
                int number = i + 1;
                materialIds.put(material.title(), PlatformApi.retrying("demo material «" + material.title() + "»",
                        () -> material(region, material, number)));
            }
            PlatformApi.retrying("demo progress reports of region " + region.region(), () -> {
                progress(region, materialIds);
                return null;
            });
        }
        Summary summary = new Summary(practicesCreated, practiceSteps, filesUploaded, materialsCreated,
                versionsUploaded, commentsAdded, reportsCreated);
        Log.info("demo data: " + summary);
        return summary;
    }

    // ---------------------------------------------------------------- practices

    private void practice(DemoSet.Region region, DemoSet.Practice practice, int number) {
        String school = region.users().school();
        String label = "practice «" + practice.title() + "»";
        JsonNode view = findPractice(region, practice).orElse(null);
        boolean created = view == null;
        if (created) {
            view = api.postJson("create " + label + " as " + school, school, "/api/documents/practices",
                    request(practice, practice.results()), 201);
            practicesCreated++;
        }
        int steps = advance(region, practice, view);
        Log.info("demo %s: practice %d/%d %s «%s», %s".formatted(region.region(), number, region.practices().size(),
                practice.status(), shortTitle(practice.title()), created ? "created" : steps > 0 ? "continued (" + steps + " steps)" : "already there"));
    }

    private static String shortTitle(String title) {
        return title.length() <= 60 ? title : title.substring(0, 59) + "…";
    }

    private Optional<JsonNode> findPractice(DemoSet.Region region, DemoSet.Practice practice) {
        JsonNode page = api.get("look for practice «" + practice.title() + "»", region.users().school(),
                "/api/documents/practices?size=100&region=" + region.region() + "&q=" + PlatformApi.encode(practice.title()));
        for (JsonNode found : page.path("content")) {
            if (practice.title().equals(found.path("title").asString())
                    && region.region().equals(found.path("region").asString())) {
                // the list may leave out comments; the single read as the author shows them
                return Optional.of(api.get("read practice «" + practice.title() + "»", region.users().school(),
                        "/api/documents/practices/" + found.path("id").asString()));
            }
        }
        return Optional.empty();
    }

    /** Moves the practice from where it is to the status the demo wants, one workflow step at a time. */
    private int advance(DemoSet.Region region, DemoSet.Practice practice, JsonNode view) {
        String school = region.users().school();
        String operator = region.users().operator();
        String path = "/api/documents/practices/" + view.path("id").asString();
        String label = "practice «" + practice.title() + "»";
        boolean reworked = practice.rework() == null || hasComment(view, practice.rework().comment());
        int steps = 0;
        while (!(view.path("status").asString().equals(practice.status()) && reworked)) {
            String status = view.path("status").asString();
            switch (status) {
                case "DRAFT" -> {
                    attachMissingFiles(region, practice, view);
                    view = api.post("submit " + label + " as " + school, school, path + "/submit", Map.of(), 200);
                }
                case "RETURNED" -> {
                    if (practice.rework() != null && !practice.rework().results().equals(view.path("results").asString())) {
                        view = api.putJson("revise " + label + " as " + school, school, path, Map.of(),
                                request(practice, practice.rework().results()), 200);
                    }
                    attachMissingFiles(region, practice, view);
                    view = api.post("resubmit " + label + " as " + school, school, path + "/submit", Map.of(), 200);
                }
                case "SUBMITTED" -> view = api.post("take " + label + " into review as " + operator, operator,
                        path + "/review", Map.of(), 200);
                case "IN_REVIEW" -> {
                    if (!reworked) {
                        view = api.postJson("return " + label + " with comments as " + operator, operator,
                                path + "/return", Map.of("comment", practice.rework().comment()), 200);
                        reworked = true;
                    } else {
                        view = decide(practice, operator, path, label);
                    }
                }
                default -> throw new StackException("seeding demo data: " + label + " is " + status
                        + ", it cannot become " + practice.status() + " any more");
            }
            steps++;
            if (steps > 10) {
                throw new StackException("seeding demo data: " + label + " does not reach " + practice.status());
            }
        }
        practiceSteps += steps;
        return steps;
    }

    private JsonNode decide(DemoSet.Practice practice, String operator, String path, String label) {
        DemoSet.Review review = practice.review();
        Map<String, Object> body = new LinkedHashMap<>();
        if (review.conclusion() != null) {
            body.put("conclusion", review.conclusion());
        }
        if (review.score() != null) {
            body.put("score", review.score());
        }
        if (review.comment() != null) {
            body.put("comment", review.comment());
        }
        String action = switch (practice.status()) {
            case "PUBLISHED" -> "publish";
            case "REJECTED" -> "reject";
            case "RETURNED" -> "return";
            default -> throw new StackException("seeding demo data: " + label + " is in review, but the demo wants it "
                    + practice.status());
        };
        return api.postJson(action + " " + label + " as " + operator, operator, path + "/" + action, body, 200);
    }

    private void attachMissingFiles(DemoSet.Region region, DemoSet.Practice practice, JsonNode view) {
        List<String> attached = new ArrayList<>();
        view.path("files").forEach(file -> attached.add(file.path("fileName").asString()));
        for (DemoSet.DemoFile file : practice.files()) {
            if (attached.contains(file.fileName())) {
                continue;
            }
            api.multipart("attach " + file.fileName() + " to practice «" + practice.title() + "»",
                    region.users().school(), "/api/documents", Map.of("type", List.of("PRACTICE_FILE"),
                            "practiceId", List.of(view.path("id").asString()), "title", List.of(file.title())),
                    DemoFiles.render(file), 201);
            filesUploaded++;
        }
    }

    private static boolean hasComment(JsonNode practice, String text) {
        for (JsonNode comment : practice.path("comments")) {
            if (text.equals(comment.path("text").asString())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> request(DemoSet.Practice practice, String results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", practice.title());
        body.put("authors", practice.authors());
        body.put("direction", practice.direction());
        body.put("educationLevel", practice.educationLevel());
        body.put("riskFactors", practice.riskFactors());
        body.put("description", practice.description());
        body.put("results", results);
        return body;
    }

    // ---------------------------------------------------------------- school materials

    /** Uploads the material and its missing versions, adds the missing comments; answers its id. */
    private String material(DemoSet.Region region, DemoSet.Material material, int number) {
        String school = region.users().school();
        String label = "material «" + material.title() + "»";
        String id = findMaterial(region, material).orElse(null);
        boolean created = id == null;
        int versions;
        if (created) {
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("type", List.of("SCHOOL_MATERIAL"));
            form.put("kind", List.of(material.kind()));
            form.put("title", List.of(material.title()));
            form.put("riskFactors", material.riskFactors() == null ? List.of() : material.riskFactors());
            id = api.multipart("upload " + label + " as " + school, school, "/api/documents", form,
                    DemoFiles.render(material.versions().getFirst()), 201).path("id").asString();
            materialsCreated++;
            versions = 1;
        } else {
            versions = api.get("versions of " + label, school, "/api/documents/" + id + "/versions").size();
        }
        int uploaded = 0;
        for (int v = versions; v < material.versions().size(); v++) {
            api.multipart("upload version " + (v + 1) + " of " + label, school, "/api/documents",
                    Map.of("type", List.of("SCHOOL_MATERIAL"), "documentId", List.of(id)),
                    DemoFiles.render(material.versions().get(v)), 201);
            versionsUploaded++;
            uploaded++;
        }
        List<String> present = new ArrayList<>();
        api.get("comments on " + label, school, "/api/documents/" + id + "/comments")
                .forEach(comment -> present.add(comment.path("author").asString() + "\n" + comment.path("text").asString()));
        int comments = 0;
        for (DemoSet.Comment comment : material.comments()) {
            if (present.contains(comment.author() + "\n" + comment.text())) {
                continue;
            }
            api.postJson("comment on " + label + " as " + comment.author(), comment.author(),
                    "/api/documents/" + id + "/comments", Map.of("text", comment.text()), 201);
            commentsAdded++;
            comments++;
        }
        Log.info("demo %s: material %d/%d %s, %d versions, %s".formatted(region.region(), number,
                region.materials().size(), material.kind(), material.versions().size(), created ? "uploaded"
                        : uploaded + comments == 0 ? "already there"
                        : "continued (" + uploaded + " versions, " + comments + " comments)"));
        return id;
    }

    private Optional<String> findMaterial(DemoSet.Region region, DemoSet.Material material) {
        JsonNode page = api.get("look for material «" + material.title() + "»", region.users().school(),
                "/api/documents?type=SCHOOL_MATERIAL&size=100&q=" + PlatformApi.encode(material.title()));
        for (JsonNode found : page.path("content")) {
            if (material.title().equals(found.path("title").asString())) {
                return Optional.of(found.path("id").asString());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- progress reports

    private void progress(DemoSet.Region region, Map<String, String> materialIds) {
        DemoSet.Progress progress = region.progress();
        if (progress == null || progress.reports().isEmpty()) {
            return;
        }
        String operator = region.users().operator();
        Optional<JsonNode> found = seedRoadmap(region, progress);
        if (found.isEmpty()) {
            Log.info("demo %s: no approved roadmap %d of order № %s: its %d progress reports are not seeded"
                    .formatted(region.region(), progress.year(), progress.approvingOrderNumber(), progress.reports().size()));
            incomplete = true;
            return;
        }
        String roadmapId = found.get().path("id").asString();
        Map<String, String> items = new HashMap<>();
        for (JsonNode section : api.get("read roadmap " + roadmapId, operator, "/api/roadmaps/" + roadmapId).path("sections")) {
            section.path("items").forEach(item -> items.put(item.path("number").asString(), item.path("id").asString()));
        }
        List<String> reported = new ArrayList<>();
        api.get("progress of roadmap " + roadmapId, operator, "/api/roadmaps/" + roadmapId + "/progress")
                .forEach(r -> reported.add(r.path("itemId").asString() + "@" + r.path("stage").asString()));
        int created = 0;
        for (DemoSet.Report report : progress.reports()) {
            String itemId = items.get(report.item());
            if (itemId == null) {
                throw new StackException("seeding demo data: roadmap " + roadmapId + " of region " + region.region()
                        + " has no item " + report.item());
            }
            if (reported.contains(itemId + "@" + report.stage())) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            for (String title : report.evidence()) {
                String id = materialIds.get(title);
                if (id == null) {
                    throw new StackException("seeding demo data: report on item " + report.item()
                            + " cites «" + title + "», which is not a demo material of region " + region.region());
                }
                evidence.add(id);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", report.status());
            body.put("comment", report.comment());
            body.put("evidence", evidence);
            api.putJson("report item " + report.item() + " at stage " + report.stage() + " as " + report.reporter(),
                    report.reporter(), "/api/roadmaps/" + roadmapId + "/items/" + itemId + "/progress/" + report.stage(),
                    Map.of(), body, 201);
            reportsCreated++;
            created++;
        }
        Log.info("demo %s: %d progress reports on roadmap %s (%d new)".formatted(region.region(),
                progress.reports().size(), roadmapId, created));
    }

    /**
     * The approved roadmap of the year and order; if there are several (an order imported twice), the one that
     * already carries reports, so a second run reports on the same roadmap.
     */
    private Optional<JsonNode> seedRoadmap(DemoSet.Region region, DemoSet.Progress progress) {
        String operator = region.users().operator();
        JsonNode page = api.get("list approved roadmaps of region " + region.region(), operator,
                "/api/roadmaps?size=100&status=APPROVED&region=" + region.region() + "&year=" + progress.year());
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode roadmap : page.path("content")) {
            if (progress.approvingOrderNumber().equals(roadmap.path("approvingOrderNumber").asString())) {
                candidates.add(roadmap);
            }
        }
        for (JsonNode candidate : candidates) {
            String id = candidate.path("id").asString();
            if (!api.get("progress of roadmap " + id, operator, "/api/roadmaps/" + id + "/progress").isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return candidates.stream().findFirst();
    }
}
