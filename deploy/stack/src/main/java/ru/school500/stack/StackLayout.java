package ru.school500.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack finds its distributions (copied by this module's build into {@code target/dist}) and
 * where it keeps installs, data and logs (a directory under the repository, git-ignored).
 */
public record StackLayout(Path repoRoot, Path home) {

    public static StackLayout forRepo(Path repoRoot, Path home) {
        return new StackLayout(repoRoot.toAbsolutePath().normalize(), home.toAbsolutePath().normalize());
    }

    /** Finds the repository root by walking up from the working directory to the parent pom. */
    public static Path findRepoRoot() {
        String configured = System.getProperty("platform.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/stack"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with mvnw and deploy/stack)");
    }

    public Path distributions() {
        return repoRoot.resolve("deploy/stack/target/dist");
    }

    /**
     * Installs every stack of this repository shares because they do not depend on its data (the built Keycloak and
     * its template database): beside the distributions, so a clean build removes them with the rest.
     */
    public Path sharedInstalls() {
        return repoRoot.resolve("deploy/stack/target/installs");
    }

    public Path installs() {
        return home.resolve("install");
    }

    public Path data(String component) {
        return home.resolve("data").resolve(component);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path serviceJar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /**
     * The platform's Elasticsearch analysis plugin (token filters {@code platform_russian_stem} and
     * {@code platform_yo_folding}), built by {@code deploy/elasticsearch/analysis-russian}; install it with
     * {@link ElasticsearchServer#withAnalysisPlugin()}.
     */
    public Path analysisPluginZip() {
        return repoRoot.resolve("deploy/elasticsearch/analysis-russian/target/analysis-russian-plugin.zip");
    }

    public Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
