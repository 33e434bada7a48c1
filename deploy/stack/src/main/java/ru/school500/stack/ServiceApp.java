package ru.school500.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the platform's Spring Boot services, started from its executable jar. */
public final class ServiceApp implements Component {

    private final StackLayout layout;
    private final String module;
    private final String instance;
    private final int port;
    private final Map<String, String> env;
    private final String heap;
    private ManagedProcess process;
    private ServiceAotCache aot;
    private boolean training;
    private long logOffset;

    public ServiceApp(StackLayout layout, String module, int port, Map<String, String> env, String heap) {
        this(layout, module, module, port, env, heap);
    }

    /** A further instance of a module ({@code deploy/local/run --instances 2}): its own name, port and log. */
    public ServiceApp(StackLayout layout, String module, String instance, int port, Map<String, String> env, String heap) {
        this.layout = layout;
        this.module = module;
        this.instance = instance;
        this.port = port;
        this.env = env;
        this.heap = heap;
    }

    @Override
    public String name() {
        return instance;
    }

    String heap() {
        return heap;
    }

    String module() {
        return module;
    }

    Map<String, String> environment() {
        return env;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The actuator's own port (the application port + 1000, loopback only), as the management port is in a
     * deployment: metrics, loggers and probes answer there without a token, and on the application port only
     * health and info answer.
     */
    public int managementPort() {
        return port + 1000;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        Ports.requireFree(name() + " (management)", managementPort());
        Path jar = layout.serviceJar(module);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name() + ": missing " + jar + " (build it: ./mvnw -DskipTests package)");
        }
        aot = ServiceAotCache.prepare(layout, module, jar);
        // one instance of a module trains its cache; a further instance of the same run starts without one
        boolean mayTrain = instance.equals(module);
        boolean fromCache = aot.isTrained();
        try {
            launch(aot.jvmOptions(mayTrain));
        } catch (StackException failed) {
            if (!fromCache || process == null || process.isAlive()) {
                throw failed;
            }
            // a JVM refuses a cache it cannot use and starts without it; one that fails while loading it exits
            Log.info(name() + ": exited while starting from its AOT cache; starting again without it");
            aot.discard();
            launch(aot.jvmOptions(mayTrain));
        }
    }

    private void launch(List<String> aotOptions) {
        training = aotOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
        if (training) {
            Log.info(name() + ": training its AOT cache on this run (written when it stops; later starts use it)");
        }
        Path jar = aot.applicationJar();
        List<String> command = new ArrayList<>(List.of(layout.javaHome().resolve("bin/java").toString(),
                "-Xmx" + heap,
                // a service short of heap stalls in collections rather than failing: the GC log shows it, and
                // an OutOfMemoryError leaves a heap dump beside the logs
                "-Xlog:gc:file=" + layout.logs().resolve(instance + "-gc.log") + ":uptime,time:filecount=2,filesize=20m",
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + layout.logs()));
        command.addAll(aotOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + managementPort(), "--management.server.address=127.0.0.1"));
        logOffset = ServiceAotCache.sizeOf(layout.log(instance));
        process = ManagedProcess.start(name(), command, layout.repoRoot().resolve(module), env, layout.log(instance));
        Health.awaitHttp(name(), process, managementUrl() + "/actuator/health/readiness",
                response -> response.statusCode() == 200, Duration.ofSeconds(180));
    }

    /** The JVM's process id, for sampling its threads and file descriptors; -1 when it is not running. */
    public long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** Kills the JVM with SIGKILL (no graceful shutdown, leases and connections are left behind). */
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(training ? ServiceAotCache.TRAINING_STOP_GRACE : Duration.ofSeconds(20));
            process = null;
            if (training) {
                aot.keepTrained(layout.log(instance), logOffset);
                training = false;
            }
        }
    }
}
