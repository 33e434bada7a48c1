package ru.school500.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo resources are complete and use only what the platform accepts, before any server is started. */
class DemoSetTest {

    private static final DemoSet DEMO = DemoSet.load();
    private static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED",
            "PUBLISHED");
    private static final List<String> KINDS = List.of("DEVELOPMENT_PROGRAM", "DEVELOPMENT_CONCEPT", "MIDTERM_PROGRAM",
            "ANTI_RISK_PROGRAM", "SELF_DIAGNOSIS", "REPORT", "OTHER");
    private static final List<String> LEVELS = List.of("PRESCHOOL", "PRIMARY_GENERAL", "BASIC_GENERAL",
            "SECONDARY_GENERAL", "ALL_GENERAL");
    private static final List<String> PROGRESS = List.of("NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE", "CANCELLED");

    @Test
    void bothRegionsHaveAtLeastADozenPracticesBetweenThemInEveryStatus() {
        assertThat(DEMO.regions()).extracting(DemoSet.Region::region).containsExactlyInAnyOrder("38", "43");
        assertThat(DEMO.practiceCount()).isGreaterThanOrEqualTo(12);
        for (DemoSet.Region region : DEMO.regions()) {
            assertThat(region.practices()).extracting(DemoSet.Practice::status).containsAll(STATUSES)
                    .allSatisfy(status -> assertThat(STATUSES).contains(status));
        }
    }

    @Test
    void practicesUseTheDirectionsAndRiskFactorsOfDocumentService() {
        Set<String> directions = codes("directions.json");
        Set<String> riskFactors = codes("risk-factors.json");
        for (DemoSet.Region region : DEMO.regions()) {
            for (DemoSet.Practice practice : region.practices()) {
                assertThat(directions).as(practice.title()).contains(practice.direction());
                assertThat(riskFactors).as(practice.title()).containsAll(practice.riskFactors());
                assertThat(LEVELS).as(practice.title()).contains(practice.educationLevel());
            }
            for (DemoSet.Material material : region.materials()) {
                assertThat(riskFactors).as(material.title()).containsAll(material.riskFactors());
                assertThat(KINDS).as(material.title()).contains(material.kind());
            }
        }
    }

    @Test
    void everyDecisionTheWorkflowNeedsIsWrittenDown() {
        for (DemoSet.Region region : DEMO.regions()) {
            Set<String> titles = new HashSet<>();
            for (DemoSet.Practice practice : region.practices()) {
                assertThat(titles.add(practice.title())).as("unique title " + practice.title()).isTrue();
                assertThat(practice.title().length()).isLessThanOrEqualTo(1000);
                assertThat(practice.description()).hasSizeBetween(200, 100_000);
                assertThat(practice.authors()).isNotEmpty();
                switch (practice.status()) {
                    case "PUBLISHED" -> {
                        assertThat(practice.review().conclusion()).isNotBlank();
                        assertThat(practice.review().score()).isBetween(0, 100);
                        assertThat(practice.files()).as("files of a published practice").isNotEmpty();
                    }
                    case "REJECTED" -> assertThat(practice.review().conclusion()).isNotBlank();
                    case "RETURNED" -> assertThat(practice.review().comment()).isNotBlank();
                    default -> assertThat(practice.review()).as("no decision yet for " + practice.title()).isNull();
                }
                if (practice.rework() != null) {
                    assertThat(practice.status()).isIn("PUBLISHED", "REJECTED");
                    assertThat(practice.rework().comment()).isNotBlank().hasSizeLessThanOrEqualTo(4000);
                    assertThat(practice.rework().results()).isNotEqualTo(practice.results());
                }
            }
        }
    }

    @Test
    void materialsHaveVersionsAndCommentsFromPeopleWhoMayComment() {
        for (DemoSet.Region region : DEMO.regions()) {
            assertThat(region.materials()).anySatisfy(m -> assertThat(m.versions()).hasSizeGreaterThan(1));
            assertThat(region.materials().stream().map(DemoSet.Material::title).distinct().count())
                    .isEqualTo(region.materials().size());
            for (DemoSet.Material material : region.materials()) {
                assertThat(material.versions()).isNotEmpty();
                for (DemoSet.Comment comment : material.comments()) {
                    assertThat(comment.author()).isIn(region.users().school(), region.users().operator(),
                            region.region().equals("43") ? "kir-curator" : region.users().operator());
                    assertThat(comment.text()).isNotBlank().hasSizeLessThanOrEqualTo(4000);
                }
            }
        }
        assertThat(DEMO.regions().stream().flatMap(r -> r.materials().stream()).flatMap(m -> m.comments().stream())
                .map(DemoSet.Comment::author)).contains("kir-curator");
    }

    @Test
    void progressReportsCiteDemoMaterialsAndAreOnePerItemAndStage() {
        for (DemoSet.Region region : DEMO.regions()) {
            Set<String> materials = region.materials().stream().map(DemoSet.Material::title).collect(Collectors.toSet());
            Set<String> keys = new HashSet<>();
            assertThat(region.progress().reports()).isNotEmpty();
            for (DemoSet.Report report : region.progress().reports()) {
                assertThat(keys.add(report.item() + "@" + report.stage())).as(report.item() + " " + report.stage()).isTrue();
                assertThat(PROGRESS).contains(report.status());
                assertThat(report.stage().getYear()).isEqualTo(region.progress().year());
                assertThat(materials).containsAll(report.evidence());
                assertThat(report.comment()).isNotBlank();
            }
        }
    }

    @Test
    void wordFilesAreMadeWithTheirTextAndPlainTextInUtf8() throws Exception {
        DemoSet.DemoFile docx = new DemoSet.DemoFile("Положение", "Положение о наставничестве.docx",
                List.of("Положение о наставничестве", "1. Общие положения."));
        PlatformApi.FilePart word = DemoFiles.render(docx);
        assertThat(word.contentType()).isEqualTo(DemoFiles.DOCX);
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(word.bytes())))) {
            assertThat(text.getText()).contains("Положение о наставничестве", "1. Общие положения.");
        }
        PlatformApi.FilePart plain = DemoFiles.render(new DemoSet.DemoFile("Памятка", "Памятка.txt",
                List.of("Памятка наставника", "Не решай за подопечного.")));
        assertThat(new String(plain.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Памятка наставника\r\n\r\nНе решай за подопечного.\r\n");
    }

    private static Set<String> codes(String reference) {
        Path file = StackLayout.findRepoRoot().resolve("document-service/src/main/resources/reference").resolve(reference);
        JsonNode list = JsonMapper.builder().build().readTree(file.toFile());
        Set<String> codes = new HashSet<>();
        list.path("items").forEach(item -> codes.add(item.path("code").asString()));
        assertThat(codes).isNotEmpty();
        return codes;
    }
}
