package ru.school500.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache (JDK 25, JEP 483/514/515: its classes loaded, linked and profiled once), so that
 * every later start of the same jar skips most of that work: on two cores the services' starts are CPU-bound and
 * run beside Elasticsearch and Keycloak, which is what the stack's cold start waits for.
 * <p>
 * The cache only holds classes of the JVM's own class loaders, so the executable jar is first extracted
 * ({@code -Djarmode=tools extract}: the application jar and {@code lib/} beside it, a plain class path). Both live
 * under the shared installs in a directory named by the jar's content hash, so a rebuild with the same bytes keeps
 * its cache and a changed jar gets a new one (older ones of the module are removed). The first start of a jar is
 * the training run ({@code -XX:AOTCacheOutput}): the JVM writes the cache when it stops, after whatever the stack
 * did with it. A cache the JVM cannot use (another JDK, a damaged file) is ignored by the JVM and the service starts
 * as it would without one.
 */
final class ServiceAotCache {

    static final String CACHE_FILE = "app.aot";
    /** What the JDK prints when a training run's cache is written (JDK 25). */
    static final String COMPLETE_MESSAGE = "AOTCache creation is complete";
    private static final String EXTRACTED_MARKER = ".extracted";
    /** Spring Boot's SBOM of the jar ({@code /actuator/sbom}): new serial number and time in every build. */
    private static final String BUILD_STAMPED = "META-INF/sbom/";
    /** A training JVM writes the cache at exit (in a child JVM it waits for), which takes longer than a stop. */
    static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(90);

    private final Path directory;
    private final String module;

    ServiceAotCache(Path directory, String module) {
        this.directory = directory;
        this.module = module;
    }

    /**
     * Extracts {@code jar} once per content, under a file lock (stacks of other processes share the directory) taken
     * by one thread of this JVM at a time: two instances of a module start in parallel, and a JVM may hold a file's
     * lock only once.
     */
    static synchronized ServiceAotCache prepare(StackLayout layout, String module, Path jar) {
        Path root = layout.sharedInstalls().resolve("aot");
        try {
            Files.createDirectories(root);
            // the cache holds the class path's absolute paths, and a JVM given a cache made for the same jars at
            // other paths may fail to start: a moved checkout gets caches of its own
            String key = module + "-" + contentHash(jar, root.toAbsolutePath().toString());
            Path directory = root.resolve(key);
            try (FileChannel channel = FileChannel.open(root.resolve(".lock-" + module), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(directory.resolve(EXTRACTED_MARKER))) {
                    removeOlder(root, module, key);
                    extract(layout, module, jar, directory);
                    Files.writeString(directory.resolve(EXTRACTED_MARKER), jar.getFileName().toString());
                }
            }
            return new ServiceAotCache(directory, module);
        } catch (IOException e) {
            throw new StackException(module + ": cannot prepare its AOT cache under " + root + ": " + e.getMessage(), e);
        }
    }

    /** The extracted application jar, whose manifest names {@code lib/*.jar} as its class path. */
    Path applicationJar() {
        return directory.resolve("app").resolve(module + ".jar");
    }

    Path cacheFile() {
        return directory.resolve(CACHE_FILE);
    }

    /** Where a training run writes; {@link #keepTrained} makes it the cache once the JVM said it is complete. */
    private Path trainingFile() {
        return directory.resolve(CACHE_FILE + ".training");
    }

    /** Removes a cache the JVM could not start with, so that the next start trains a new one. */
    void discard() {
        try {
            Files.deleteIfExists(cacheFile());
        } catch (IOException e) {
            throw new StackException(module + ": cannot remove its AOT cache " + cacheFile() + ": " + e.getMessage(), e);
        }
    }

    boolean isTrained() {
        return Files.isRegularFile(cacheFile());
    }

    /**
     * The JVM options of a start: use the cache when it exists; otherwise train it when {@code mayTrain} (one
     * instance of a module at a time writes it), or run without.
     */
    List<String> jvmOptions(boolean mayTrain) {
        if (isTrained()) {
            return List.of("-XX:AOTCache=" + cacheFile());
        }
        return mayTrain ? List.of("-XX:AOTCacheOutput=" + trainingFile()) : List.of();
    }

    /**
     * After a training JVM has exited: its cache becomes the one later starts use if the JVM logged (in its log from
     * {@code logOffset} on, where this run's output begins) that it was written completely; a half-written one (the
     * JVM killed while writing) is removed, so the next start trains again.
     */
    void keepTrained(Path serviceLog, long logOffset) {
        Path training = trainingFile();
        if (!Files.exists(training)) {
            return;
        }
        try {
            if (logSaysComplete(serviceLog, logOffset)) {
                Files.move(training, cacheFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Log.info(module + ": AOT cache written (" + Files.size(cacheFile()) / (1024 * 1024)
                        + " MiB); later starts use it");
            } else {
                Files.delete(training);
            }
        } catch (IOException e) {
            Log.info(module + ": AOT cache not kept: " + e.getMessage());
        }
    }

    private static boolean logSaysComplete(Path serviceLog, long offset) throws IOException {
        if (!Files.exists(serviceLog)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(serviceLog, StandardOpenOption.READ)) {
            channel.position(Math.min(offset, channel.size()));
            java.io.BufferedReader reader = new java.io.BufferedReader(java.nio.channels.Channels.newReader(channel,
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            return reader.lines().anyMatch(line -> line.contains(COMPLETE_MESSAGE));
        }
    }

    /** The size of a log before a start appends to it: where that start's output begins. */
    static long sizeOf(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void extract(StackLayout layout, String module, Path jar, Path directory) throws IOException {
        Path app = directory.resolve("app");
        Files.createDirectories(directory);
        Directories.deleteRecursively(app);
        Path log = directory.resolve("extract.log");
        ProcessBuilder builder = new ProcessBuilder(layout.javaHome().resolve("bin/java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("LC_ALL", "C.UTF-8"));
        Process process = builder.start();
        try {
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar + " took over 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while extracting " + jar, e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(app.resolve(module + ".jar"))) {
            throw new IOException("extracting " + jar + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(log));
        }
    }

    private static void removeOlder(Path root, String module, String keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && name.startsWith(module + "-") && !name.equals(keep)
                        && name.length() == module.length() + 1 + 16) {
                    Directories.deleteRecursively(entry);
                }
            }
        }
    }

    /**
     * 16 hex digits of a SHA-256 over the JDK's version and every entry of the jar (name, CRC-32, size, from its
     * central directory) except the SBOM, which every build writes anew (a serial number and a time): a rebuild of
     * the same code keeps the extracted jar and its cache; changed code, or another JDK (whose JVM would refuse the
     * cache), trains a new one.
     */
    static String contentHash(Path jar, String location) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Runtime.version().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(location.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(BUILD_STAMPED)) {
                    continue;
                }
                digest.update((byte) 0);
                digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(java.nio.ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).flip());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
