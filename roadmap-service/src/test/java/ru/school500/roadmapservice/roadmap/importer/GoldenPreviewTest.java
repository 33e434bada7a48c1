package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both real orders import exactly to their checked-in golden previews. A differing preview is written to
 * {@code target/golden-actual/} for review; the golden files themselves are only ever written by hand review.
 */
class GoldenPreviewTest {

    private final RoadmapImporter importer = new RoadmapImporter(ImporterProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.IRKUTSK, Fixtures.KIROV})
    void fixtureOrderImportsToItsGoldenPreview(String name) throws IOException {
        String actual = Fixtures.json(importer.preview(Fixtures.order(name)));
        Path out = Path.of("target/golden-actual", name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
        assertThat(Fixtures.golden(name)).exists();
        assertThat(actual).isEqualTo(Files.readString(Fixtures.golden(name)));
    }
}
