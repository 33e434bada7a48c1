package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak (Quarkus distribution) in development mode on loopback, importing the {@code school500}
 * realm from the repository at first start. Its install and its H2 database live in the data directory.
 */
public final class KeycloakServer implements Component {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "school500";

    private final StackLayout layout;
    private final int port;
    private final Path home;
    private final Path realmFile;
    private ManagedProcess process;

    public KeycloakServer(StackLayout layout, int port, Path home, Path realmFile) {
        this.layout = layout;
        this.port = port;
        this.home = home;
        this.realmFile = realmFile;
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        Ports.requireFree(name() + " management", port + 10);
        Path install = Archives.unpackOnce(layout.distributions().resolve("keycloak-quarkus-dist-" + VERSION + ".zip"),
                home);
        try {
            Path imports = install.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException(name() + ": cannot place the realm file: " + e.getMessage(), e);
        }
        List<String> command = List.of(install.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + (port + 10),
                "--hostname=" + url(),
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", layout.javaHome().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        process = ManagedProcess.start(name(), command, install, env, layout.log("keycloak"));
        Health.awaitHttp(name(), process, issuer() + "/.well-known/openid-configuration",
                response -> response.statusCode() == 200, Duration.ofSeconds(180));
    }

    /** Keycloak's JVM (under {@code kc.sh}), e.g. to freeze it with SIGSTOP; -1 when it is not running. */
    public long pid() {
        return process == null || !process.isAlive() ? -1 : process.workerPid();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
    }
}
