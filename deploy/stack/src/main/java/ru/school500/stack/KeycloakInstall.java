package ru.school500.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Keycloak distribution the stack runs, prepared once and shared by every stack of the repository (local run,
 * e2e, faults, bench): unpacked beside the distributions, built with {@code kc.sh build} for {@link #BUILD_OPTIONS}
 * (so each start is {@code start --optimized} and skips Quarkus' re-augmentation), and a template database in which
 * {@code kc.sh import} has created the schema, the master realm, the bootstrap admin and the realm of the
 * repository's realm file. A fresh data directory starts from a copy of that database instead of creating the
 * schema and importing the realm again. The build is redone when the build options change, the template when the
 * realm file, the version or the build options change (its directory name is their hash).
 */
final class KeycloakInstall {

    /** Options baked in by {@code kc.sh build}; any change rebuilds the install. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    /** Runtime options every command of the stack passes (cache: a single node, no cluster discovery). */
    static final List<String> RUNTIME_OPTIONS = List.of("--cache=local");
    static final String DATABASE_FILE = "keycloakdb.mv.db";

    private static final String BUILD_STAMP = ".platform-build";
    private static final String TEMPLATE_COMPLETE = ".complete";

    private final Path root;
    private final Path distribution;
    private final Path realmFile;
    private final Path javaHome;
    private final Path log;

    KeycloakInstall(Path root, Path distribution, Path realmFile, Path javaHome, Path log) {
        this.root = root;
        this.distribution = distribution;
        this.realmFile = realmFile;
        this.javaHome = javaHome;
        this.log = log;
    }

    static KeycloakInstall forLayout(StackLayout layout, Path realmFile) {
        return new KeycloakInstall(layout.sharedInstalls().resolve("keycloak"),
                layout.distributions().resolve("keycloak-quarkus-dist-" + KeycloakServer.VERSION + ".zip"),
                realmFile, layout.javaHome(), layout.log("keycloak"));
    }

    /** The unpacked, built distribution. */
    Path home() {
        return root.resolve("keycloak-" + KeycloakServer.VERSION);
    }

    /** Where the template of the current realm file, version and build options lives. */
    Path template() throws IOException {
        return root.resolve("realm-" + templateKey());
    }

    /**
     * Makes sure the install is built and the template exists (under a file lock: stacks of other processes may
     * prepare the same install), then gives {@code dataDir} the template's database unless it has one already.
     */
    void prepare(Path dataDir) {
        try {
            Files.createDirectories(root);
            Path template;
            try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Archives.unpackOnce(distribution, home());
                if (!buildStamp().equals(readStamp())) {
                    build();
                }
                template = template();
                if (!Files.exists(template.resolve(TEMPLATE_COMPLETE))) {
                    createTemplate(template);
                }
            }
            seed(dataDir, template);
        } catch (IOException e) {
            throw new StackException("Keycloak: cannot prepare " + root + ": " + e.getMessage(), e);
        }
    }

    /** The database file of a data directory, where {@code -Dkc.db-url-path=<dataDir>} makes Keycloak look. */
    static Path database(Path dataDir) {
        return dataDir.resolve("data/h2").resolve(DATABASE_FILE);
    }

    /** JVM options that keep a start's state (database, transaction log) in its data directory. */
    static String dataOptions(Path dataDir) {
        return quoted("-Dkc.db-url-path=" + dataDir) + " "
                + quoted("-Dquarkus.transaction-manager.object-store.directory=" + dataDir.resolve("data/transaction-logs"));
    }

    /** {@code kc.sh} splits {@code JAVA_OPTS_APPEND} with {@code xargs}, which honours single quotes. */
    private static String quoted(String option) {
        if (option.contains("'")) {
            throw new StackException("Keycloak: a path with a single quote is not supported: " + option);
        }
        return "'" + option + "'";
    }

    static void seed(Path dataDir, Path template) throws IOException {
        Path database = database(dataDir);
        if (Files.exists(database)) {
            return;
        }
        Files.createDirectories(database.getParent());
        Path partial = database.resolveSibling(DATABASE_FILE + ".copying");
        Files.copy(database(template), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
    }

    String buildStamp() {
        return KeycloakServer.VERSION + " " + String.join(" ", BUILD_OPTIONS);
    }

    private String readStamp() throws IOException {
        Path stamp = home().resolve(BUILD_STAMP);
        return Files.exists(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8).strip() : "";
    }

    String templateKey() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buildStamp().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.join(" ", RUNTIME_OPTIONS).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(realmFile));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void build() throws IOException {
        Log.info("Keycloak: building the install for " + String.join(" ", BUILD_OPTIONS) + " (once per version and options)");
        Files.deleteIfExists(home().resolve(BUILD_STAMP));
        List<String> command = new ArrayList<>(List.of(home().resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        run("build", command, Map.of("JAVA_HOME", javaHome.toString()), Duration.ofMinutes(10));
        Files.writeString(home().resolve(BUILD_STAMP), buildStamp(), StandardCharsets.UTF_8);
    }

    private void createTemplate(Path template) throws IOException {
        Log.info("Keycloak: importing " + realmFile.getFileName() + " into a template database (once per realm file)");
        Path partial = root.resolve("importing-" + template.getFileName());
        Directories.deleteRecursively(partial);
        Files.createDirectories(partial);
        List<String> command = new ArrayList<>(List.of(home().resolve("bin/kc.sh").toString(), "import", "--optimized",
                "--file=" + realmFile));
        command.addAll(RUNTIME_OPTIONS);
        run("import", command, Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_KC_HEAP", KeycloakServer.HEAP,
                "JAVA_OPTS_APPEND", dataOptions(partial),
                "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD), Duration.ofMinutes(5));
        if (!Files.isRegularFile(database(partial))) {
            throw new StackException("Keycloak: the import wrote no database at " + database(partial) + "; see " + log);
        }
        Files.writeString(partial.resolve(TEMPLATE_COMPLETE), realmFile.toString(), StandardCharsets.UTF_8);
        try (Stream<Path> old = Files.list(root)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith("realm-")).toList()) {
                Directories.deleteRecursively(dir);
            }
        }
        Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
    }

    private void run(String step, List<String> command, Map<String, String> env, Duration timeout) {
        ManagedProcess process = ManagedProcess.start("Keycloak " + step, command, root, env, log);
        int exit = process.awaitExit(Health.withPatience(timeout));
        if (exit != 0) {
            throw new StackException("Keycloak: kc.sh " + step + " failed (exit " + exit + "). Last lines of " + log
                    + ":\n" + process.logTail(30));
        }
    }
}
