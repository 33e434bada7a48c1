package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch 8.19 from the integ-test zip, single node on loopback, with Debian's hunspell ru_RU
 * dictionary in its config and the platform's analysis plugins installed. Elasticsearch refuses to run
 * as root, so under root it runs as the unprivileged uid 65534 and owns its directories.
 */
public final class ElasticsearchServer implements Component {

    public static final String VERSION = "8.19.21";
    /** The plugin with the platform's Russian token filters; see {@link StackLayout#analysisPluginZip()}. */
    public static final String ANALYSIS_PLUGIN = "analysis-russian";
    private static final Path HUNSPELL = Path.of("/usr/share/hunspell");
    private static final int UNPRIVILEGED = 65534;

    private final StackLayout layout;
    private final int port;
    private final Path dataDir;
    private final Map<String, Path> plugins = new LinkedHashMap<>();
    private ManagedProcess process;

    public ElasticsearchServer(StackLayout layout, int port, Path dataDir) {
        this.layout = layout;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Installs (or reinstalls, when the zip changed) a plugin before the node starts. */
    public ElasticsearchServer withPlugin(String pluginName, Path zip) {
        plugins.put(pluginName, zip);
        return this;
    }

    /** Installs the platform's analysis plugin ({@code platform_russian_stem}, {@code platform_yo_folding}). */
    public ElasticsearchServer withAnalysisPlugin() {
        return withPlugin(ANALYSIS_PLUGIN, layout.analysisPluginZip());
    }

    @Override
    public String name() {
        return "Elasticsearch";
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path installDir() {
        return layout.installs().resolve("elasticsearch-" + VERSION);
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        Ports.requireFree(name() + " transport", port + 100);
        Path home = Archives.unpackOnce(layout.distributions().resolve("elasticsearch-" + VERSION + ".zip"),
                installDir());
        installHunspell(home);
        installPlugins(home);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(layout.logs().resolve("elasticsearch"));
        } catch (IOException e) {
            throw new StackException(name() + ": cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        boolean root = isRoot();
        if (root) {
            run(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, home.toString(), dataDir.toString(),
                    layout.logs().resolve("elasticsearch").toString()));
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups"));
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "xpack.ml.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "transport.port=" + (port + 100),
                "-E", "path.data=" + dataDir,
                "-E", "path.logs=" + layout.logs().resolve("elasticsearch"),
                "-E", "cluster.name=platform500-local",
                "-E", "action.destructive_requires_name=false",
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", layout.javaHome().toString(),
                "ES_JAVA_OPTS", System.getenv().getOrDefault("PLATFORM_ES_JAVA_OPTS", "-Xms512m -Xmx512m"),
                "HOME", "/tmp");
        process = ManagedProcess.start(name(), command, home, env, layout.log("elasticsearch"));
        Health.awaitHttp(name(), process, url() + "/_cluster/health?wait_for_status=yellow&timeout=1s",
                response -> response.statusCode() == 200, Duration.ofSeconds(120));
    }

    private void installHunspell(Path home) {
        Path target = home.resolve("config/hunspell/ru_RU");
        try {
            Files.createDirectories(target);
            for (String file : List.of("ru_RU.aff", "ru_RU.dic")) {
                Path source = HUNSPELL.resolve(file);
                if (!Files.isRegularFile(source)) {
                    throw new StackException(name() + ": the Russian hunspell dictionary is missing (" + source
                            + "); install Debian's hunspell-ru: apt-get install -y hunspell-ru");
                }
                if (!Files.exists(target.resolve(file))) {
                    Files.copy(source, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StackException(name() + ": cannot install the hunspell dictionary: " + e.getMessage(), e);
        }
    }

    private void installPlugins(Path home) {
        for (Map.Entry<String, Path> plugin : plugins.entrySet()) {
            Path zip = plugin.getValue();
            if (!Files.isRegularFile(zip)) {
                throw new StackException(name() + ": plugin " + plugin.getKey() + " not built: " + zip
                        + " (build it first: ./mvnw -B -DskipTests package)");
            }
            try {
                String stamp = Files.size(zip) + ":" + Files.getLastModifiedTime(zip).toMillis();
                // not inside plugins/: Elasticsearch takes every entry there, hidden files too, for a plugin
                Path marker = home.resolve(".plugin-" + plugin.getKey() + ".installed");
                Path installed = home.resolve("plugins").resolve(plugin.getKey());
                if (Files.exists(installed) && Files.exists(marker) && Files.readString(marker).equals(stamp)) {
                    continue;
                }
                if (Files.exists(installed)) {
                    run(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "remove", plugin.getKey()), home);
                }
                run(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                        zip.toUri().toString()), home);
                Files.writeString(marker, stamp);
            } catch (IOException e) {
                throw new StackException(name() + ": cannot install plugin " + plugin.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    private void run(List<String> command) {
        run(command, layout.repoRoot());
    }

    private void run(List<String> command, Path workDir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().put("ES_JAVA_HOME", layout.javaHome().toString());
            Process child = builder.start();
            String output = new String(child.getInputStream().readAllBytes());
            if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
                throw new StackException(name() + ": `" + String.join(" ", command) + "` failed:\n" + output);
            }
        } catch (IOException e) {
            throw new StackException(name() + ": cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name() + ": interrupted");
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Kills the node with SIGKILL, as a crash would; {@link #start()} brings it back on the same data. */
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** The node's JVM (under its start script), for sampling; -1 when it is not running. */
    public long pid() {
        return process == null || !process.isAlive() ? -1 : process.workerPid();
    }

    /** Stops the node; with {@code keepData} the next start finds its indices again. */
    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }
}
