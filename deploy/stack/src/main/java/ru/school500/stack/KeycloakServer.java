package ru.school500.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak (Quarkus distribution) in production mode on loopback, from the shared pre-built install
 * ({@link KeycloakInstall}: {@code kc.sh build} once, then {@code start --optimized}). Its H2 database lives in the
 * data directory; a fresh one starts as a copy of the template in which the {@code school500} realm of the
 * repository's realm file is imported already.
 */
public final class KeycloakServer implements Component {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "school500";
    static final String HEAP = "-Xms256m -Xmx768m";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final StackLayout layout;
    private final int port;
    private final Path home;
    private final KeycloakInstall install;
    private ManagedProcess process;

    public KeycloakServer(StackLayout layout, int port, Path home, Path realmFile) {
        this.layout = layout;
        this.port = port;
        this.home = home;
        this.install = KeycloakInstall.forLayout(layout, realmFile);
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
        install.prepare(home);
        process = ManagedProcess.start(name(), command(install.home(), port), home, Map.of(
                "JAVA_HOME", layout.javaHome().toString(),
                "JAVA_OPTS_KC_HEAP", HEAP,
                "JAVA_OPTS_APPEND", KeycloakInstall.dataOptions(home),
                // used only when the database has no admin yet (a data directory of an older stack)
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD), layout.log("keycloak"));
        Health.awaitHttp(name(), process, issuer() + "/.well-known/openid-configuration",
                response -> response.statusCode() == 200, Duration.ofSeconds(180));
    }

    /**
     * Production mode needs plain HTTP and the hostname said explicitly; the hostname fixes the issuer the services
     * validate ({@code http://127.0.0.1:8180/realms/school500}).
     */
    static List<String> command(Path install, int port) {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + (port + 10),
                "--hostname=http://127.0.0.1:" + port));
        command.addAll(KeycloakInstall.RUNTIME_OPTIONS);
        return command;
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
