package ru.school500.manifests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, as Maven passes it ({@code platform.root}), or found from the working directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("platform.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/school500-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }
}
