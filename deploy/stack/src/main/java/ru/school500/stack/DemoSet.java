package ru.school500.stack;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data set: one resource per region under {@code demo/} (fictional practices, school materials and
 * progress reports, written for the demo). The records mirror the JSON; unknown fields are errors, so a typo
 * in a resource fails the seeding instead of silently dropping data.
 */
public record DemoSet(List<Region> regions) {

    static final List<String> RESOURCES = List.of("demo/irkutsk.json", "demo/kirov.json");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** One region's part: who acts, and what they produce. */
    public record Region(String region, String regionName, Users users, List<Practice> practices,
            List<Material> materials, Progress progress) {
    }

    /** The demo users who play the school and the regional operator (expert) of the region. */
    public record Users(String school, String operator) {
    }

    /**
     * A best practice and the status the demo wants it in. {@code rework}: before the final decision the
     * operator returned it once with this comment and the school resubmitted it with revised results.
     * {@code review}: the operator's decision (conclusion and score; {@code comment} for a return).
     */
    public record Practice(String title, List<String> authors, String direction, String educationLevel,
            List<String> riskFactors, String description, String results, List<DemoFile> files, String status,
            Rework rework, Review review) {
    }

    public record Rework(String comment, String results) {
    }

    public record Review(String conclusion, Integer score, String comment) {
    }

    /** A school material: its versions oldest first, and the comments on it. */
    public record Material(String title, String kind, List<String> riskFactors, List<DemoFile> versions,
            List<Comment> comments) {
    }

    public record Comment(String author, String text) {
    }

    /** A small file made at seed time: {@code .docx} (a Word document) or {@code .txt}, from paragraphs. */
    public record DemoFile(String title, String fileName, List<String> paragraphs) {
    }

    /** Progress reports on the region's seed roadmap, found by year and the number of its approving order. */
    public record Progress(int year, String approvingOrderNumber, List<Report> reports) {
    }

    /** {@code evidence}: titles of this region's demo materials that prove the report. */
    public record Report(String item, LocalDate stage, String status, String reporter, String comment,
            List<String> evidence) {
    }

    public static DemoSet load() {
        List<Region> regions = new ArrayList<>();
        for (String resource : RESOURCES) {
            try (InputStream in = DemoSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new StackException("demo data: resource " + resource + " is missing from the classpath");
                }
                regions.add(JSON.readValue(in, Region.class));
            } catch (IOException | JacksonException e) {
                throw new StackException("demo data: cannot read " + resource + ": " + e.getMessage(), e);
            }
        }
        return new DemoSet(List.copyOf(regions));
    }

    public int practiceCount() {
        return regions.stream().mapToInt(r -> r.practices().size()).sum();
    }
}
