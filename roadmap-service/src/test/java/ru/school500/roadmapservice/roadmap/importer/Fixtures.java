package ru.school500.roadmapservice.roadmap.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two real orders of {@code shared/fixtures/roadmaps/}, read in place (never copied into the repository),
 * and the golden previews checked in under {@code src/test/resources/importer/golden/}.
 */
final class Fixtures {

    static final String IRKUTSK = "irkutsk-2021-order-294";
    static final String KIROV = "kirov-2022-order-324";

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Fixtures() {
    }

    /** The fixture directory: {@code -Dplatform.fixtures=…}, else {@code shared/fixtures/roadmaps} above the build. */
    static Path directory() {
        String configured = System.getProperty("platform.fixtures", System.getenv("PLATFORM_FIXTURES"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/roadmaps");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/roadmaps not found above " + Path.of("").toAbsolutePath());
    }

    static byte[] order(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path golden(String name) {
        return Path.of("src/test/resources/importer/golden", name + ".json");
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
