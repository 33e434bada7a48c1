package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;

import ru.school500.roadmapservice.roadmap.importer.extraction.DocumentExtractor;
import ru.school500.roadmapservice.roadmap.importer.reading.RoadmapReader;

/**
 * Coverage-guided fuzzing (Jazzer) of the order importer: extraction and reading of whatever bytes are
 * uploaded. The committed seeds ({@code OrderFileFuzzTestInputs/}) are a small order in every accepted
 * format (TXT, DOCX, ODT, PDF, RTF, DOC) plus the findings of earlier runs; the normal build replays them and
 * fuzzes for a few seconds, {@code JAZZER_FUZZ=1} fuzzes as long as asked (README «Надёжность и
 * безопасность»).
 *
 * <p>Properties: the importer either answers a preview or refuses with {@link ImportRejectedException} (its
 * documented rejections, each a 4xx); a refusal of a damaged file may be caused by the file-format library,
 * never by a runtime error thrown in the platform's own code; every input is done within a bounded time.
 */
class OrderFileFuzzTest {

    /** The importer's own limit in production: a file that needs it is a finding. */
    private static final Duration PER_INPUT = ImporterProperties.defaults().parseTimeout();

    private final DocumentExtractor extractor = new DocumentExtractor(ImporterProperties.defaults());
    private final RoadmapReader reader = new RoadmapReader();

    @FuzzTest(maxDuration = "20s")
    void anyUploadedFileIsPreviewedOrRefusedInBoundedTime(byte[] file) {
        long start = System.nanoTime();
        try {
            RoadmapPreview preview = reader.read(extractor.extract(file));
            assertThat(preview.sections()).isNotEmpty();
        } catch (ImportRejectedException rejected) {
            assertThat(rejected.reason().status.is4xxClientError()).isTrue();
            assertThat(rejected.getMessage()).isNotBlank();
            Throwable ownBug = thrownByPlatformCode(rejected.getCause());
            if (ownBug != null) {
                fail("a refusal hides an error of the importer's own code", ownBug);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PER_INPUT);
    }

    /** The same as TXT, the format in which every structure (paragraphs, tab-separated rows) is cheapest to reach. */
    @FuzzTest(maxDuration = "20s")
    void anyOrderTextIsPreviewedOrRefusedInBoundedTime(byte[] text) {
        byte[] file = new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        anyUploadedFileIsPreviewedOrRefusedInBoundedTime(file);
    }

    /** A runtime error whose first frame outside the JDK is the platform's own code, not a file-format library. */
    private static Throwable thrownByPlatformCode(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RuntimeException && !(t instanceof ImportRejectedException)) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    String name = frame.getClassName();
                    if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                        if (name.startsWith("ru.school500.")) {
                            return t;
                        }
                        break;
                    }
                }
            }
        }
        return null;
    }
}
