package ru.school500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.StackLayout;

/** The whole harness on the tiny corpus: the real stack started once, every figure measured and reported. */
class BenchIT {

    @Test
    void theTinyRunMeasuresEveryFigureAgainstItsBaselineAndWritesTheReport() throws Exception {
        Path root = StackLayout.findRepoRoot();
        Path output = root.resolve("deploy/bench/target/bench-it-report");
        BenchConfig tiny = BenchConfig.tiny();

        Path recording = output.resolve(FlightRecordings.fileName("gateway overhead paced", "gateway"));
        Files.deleteIfExists(recording);

        Report report = new Bench(tiny, output).profiling(List.of("gateway")).run(root);

        Map<String, Report.Figure> figures = report.figures().stream()
                .collect(Collectors.toMap(Report.Figure::key, Function.identity()));
        List<String> expected = new java.util.ArrayList<>(List.of("coldStart", "gateway.p50.1", "gateway.p50.32",
                "gateway.p50.32.paced", "gateway.cpu.paced",
                "import.TXT", "import.DOCX", "import.PDF", "comparison.p95", "comparison.cell.p95", "comparison.full.p95",
                "indexLag.p99"));
        for (int users : tiny.concurrency()) {
            expected.addAll(List.of("search.p50." + users, "search.p95." + users, "search.p99." + users,
                    "search.throughput." + users));
        }
        for (long size : tiny.uploadSizes()) {
            expected.addAll(List.of("upload." + size, "upload.heap." + size));
        }
        assertThat(figures).containsOnlyKeys(expected);
        assertThat(figures.values()).allSatisfy(figure -> {
            assertThat(figure.value()).as(figure.key()).isPositive();
            if (figure.baseline() != null) {
                assertThat(figure.baseline()).as(figure.key() + " baseline").isPositive();
                assertThat(figure.ratio()).as(figure.key() + " ratio")
                        .isCloseTo(figure.value() / figure.baseline(), org.assertj.core.data.Offset.offset(0.01));
            }
            if (figure.target() != null) {
                assertThat(figure.met()).as(figure.key() + " target checked").isNotNull();
            }
        });
        assertThat(figures.get("search.p99.32").baseline()).as("raw Elasticsearch measured").isNotNull();
        assertThat(figures.get("upload." + tiny.uploadSizes().getFirst()).baseline()).as("direct S3 measured").isNotNull();
        for (String format : List.of("TXT", "DOCX", "PDF")) {
            assertThat(figures.get("import." + format).note()).as("every item of every order read from " + format)
                    .matches(".*items read (\\d+) of \\1");
        }

        JsonNode json = Api.JSON.readTree(Files.readString(output.resolve("report.json")));
        assertThat(json.path("figures").size()).isEqualTo(expected.size());
        assertThat(json.path("details").path("capturedElasticsearchRequest").path("body").asString())
                .contains("\"readers\"", "\"aggregations\"");
        assertThat(json.path("searchLevels").path("Elasticsearch").size()).isEqualTo(tiny.concurrency().size());
        assertThat(Files.readString(output.resolve("report.md"))).contains("| search p99 via gateway, 32 users |");
        assertThat(recording).as("the gateway's JFR recording of the paced load").isNotEmptyFile();
        byte[] png = Files.readAllBytes(output.resolve("search-latency.png"));
        assertThat(png).hasSizeGreaterThan(5_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
