package ru.school500.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's AOT cache with the real JVM: trained by a first run, kept only when complete, used by the next. */
class ServiceAotCacheTest {

    private static final String MAIN = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("started " + java.util.List.of(1, 2, 3).stream().map(n -> n * 2).toList());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstRunTrainsTheCacheAndTheNextRunStartsFromIt() throws Exception {
        ServiceAotCache aot = new ServiceAotCache(dir.resolve("hello-0123456789abcdef"), "hello");
        buildJar(aot.applicationJar());
        List<String> training = aot.jvmOptions(true);
        assertThat(training).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
        Path firstLog = dir.resolve("first.log");

        Files.writeString(firstLog, "an earlier run: AOTCache creation is complete: app.aot.training 1 bytes\n");
        long offset = Files.size(firstLog);
        assertThat(run(training, aot.applicationJar(), firstLog)).isZero();
        aot.keepTrained(firstLog, offset);

        assertThat(aot.isTrained()).isTrue();
        assertThat(aot.jvmOptions(true)).containsExactly("-XX:AOTCache=" + aot.cacheFile());
        List<String> strict = new ArrayList<>(aot.jvmOptions(true));
        strict.add("-XX:AOTMode=on"); // refuses to start unless the cache maps
        Path secondLog = dir.resolve("second.log");
        assertThat(run(strict, aot.applicationJar(), secondLog)).isZero();
        assertThat(Files.readString(secondLog)).contains("started [2, 4, 6]");

        aot.discard(); // what ServiceApp does when a JVM exits while starting from the cache
        assertThat(aot.isTrained()).isFalse();
        assertThat(aot.jvmOptions(true)).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void aCacheTheJvmDidNotFinishWritingIsDroppedAndTheNextStartTrainsAgain() throws IOException {
        ServiceAotCache aot = new ServiceAotCache(dir.resolve("hello-0123456789abcdef"), "hello");
        Files.createDirectories(aot.cacheFile().getParent());
        Path partial = aot.cacheFile().resolveSibling(ServiceAotCache.CACHE_FILE + ".training");
        Files.write(partial, new byte[4096]);
        Path log = dir.resolve("killed.log");
        Files.writeString(log, "an earlier run: AOTCache creation is complete: app.aot.training 1 bytes\n");
        long offset = Files.size(log);
        Files.writeString(log, "Temporary AOTConfiguration recorded: app.aot.training.config\n",
                java.nio.file.StandardOpenOption.APPEND);

        aot.keepTrained(log, offset);

        assertThat(aot.isTrained()).isFalse();
        assertThat(partial).doesNotExist();
        assertThat(aot.jvmOptions(true)).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
        assertThat(aot.jvmOptions(false)).as("a second instance runs without training").isEmpty();
    }

    @Test
    void aRebuildOfTheSameCodeKeepsItsCacheAndChangedCodeGetsAnother() throws IOException {
        Path built = zip("first.jar", 1_000_000_000_000L, "class bytes", "serial 1");
        Path rebuilt = zip("rebuilt.jar", 1_700_000_000_000L, "class bytes", "serial 2");
        Path changed = zip("changed.jar", 1_000_000_000_000L, "other class bytes", "serial 1");

        assertThat(Files.readAllBytes(built)).as("the entries' times differ").isNotEqualTo(Files.readAllBytes(rebuilt));
        assertThat(ServiceAotCache.contentHash(built, "/repo")).hasSize(16)
                .isEqualTo(ServiceAotCache.contentHash(rebuilt, "/repo"));
        assertThat(ServiceAotCache.contentHash(changed, "/repo")).isNotEqualTo(ServiceAotCache.contentHash(built, "/repo"));
        assertThat(ServiceAotCache.contentHash(built, "/moved")).as("a moved checkout")
                .isNotEqualTo(ServiceAotCache.contentHash(built, "/repo"));
    }

    private Path zip(String name, long entryTime, String content, String sbom) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var file : List.of(java.util.Map.entry("BOOT-INF/classes/App.class", content),
                    java.util.Map.entry("META-INF/sbom/application.cdx.json", sbom))) {
                JarEntry entry = new JarEntry(file.getKey());
                entry.setTime(entryTime);
                out.putNextEntry(entry);
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void twoInstancesOfAModulePreparingAtOnceInOneJvmShareOneExtraction() throws Exception {
        StackLayout layout = StackLayout.forRepo(dir.resolve("repo"), dir.resolve("home"));
        Path jar = dir.resolve("hello.jar");
        buildJar(jar);
        // not a Boot jar: the extraction fails, but each attempt must get the lock in turn, not throw
        // OverlappingFileLockException as a second thread taking the same file's lock in one JVM does
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(() -> ServiceAotCache.prepare(layout, "hello", jar));
            var second = threads.submit(() -> ServiceAotCache.prepare(layout, "hello", jar));
            for (var attempt : List.of(first, second)) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(attempt::get))
                        .hasRootCauseInstanceOf(IOException.class).rootCause().hasMessageContaining("extracting");
            }
        }
    }

    private void buildJar(Path jar) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Hello.java"), MAIN);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                sources.resolve("Hello.java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
    }

    private static int run(List<String> options, Path jar, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(Files.readString(log, StandardCharsets.UTF_8));
        return process.exitValue();
    }
}
