package ru.school500.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole platform on 127.0.0.1: PostgreSQL, S3, Elasticsearch and Keycloak first (in parallel), then
 * the three services, then the gateway. If anything fails to start, everything started so far is stopped
 * and the failure names the component.
 */
public final class PlatformStack implements AutoCloseable {

    public static final int GATEWAY_PORT = 8080;
    public static final int KEYCLOAK_PORT = 8180;

    private final StackLayout layout;
    private final PostgresServer postgres;
    private final S3Server s3;
    private final ElasticsearchServer elasticsearch;
    private final KeycloakServer keycloak;
    private final Map<String, ServiceApp> services = new LinkedHashMap<>();
    private final List<Component> started = new ArrayList<>();

    public PlatformStack(StackLayout layout) {
        this.layout = layout;
        this.postgres = new PostgresServer(15432, layout.data("postgres"), List.of("roadmap", "document"));
        this.s3 = new S3Server(layout, 9000, layout.data("s3"), List.of("documents"));
        this.elasticsearch = new ElasticsearchServer(layout, 9200, layout.data("elasticsearch"))
                .withPlugin(ElasticsearchServer.ANALYSIS_PLUGIN, layout.analysisPluginZip());
        this.keycloak = new KeycloakServer(layout, KEYCLOAK_PORT, layout.data("keycloak"),
                layout.repoRoot().resolve("deploy/keycloak/school500-realm.json"));
        services.put("roadmap-service", new ServiceApp(layout, "roadmap-service", 8081, Map.of(), "384m"));
        services.put("document-service", new ServiceApp(layout, "document-service", 8082, Map.of(), "256m"));
        services.put("search-service", new ServiceApp(layout, "search-service", 8083, Map.of(), "384m"));
        services.put("gateway", new ServiceApp(layout, "gateway", GATEWAY_PORT, Map.of(), "256m"));
    }

    public StackLayout layout() {
        return layout;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + GATEWAY_PORT;
    }

    public ServiceApp service(String module) {
        ServiceApp app = services.get(module);
        if (app == null) {
            throw new IllegalArgumentException("unknown service " + module + "; known: " + services.keySet());
        }
        return app;
    }

    public synchronized void start() {
        try {
            startTogether(List.of(postgres, s3, elasticsearch, keycloak));
            startTogether(List.of(service("roadmap-service"), service("document-service"), service("search-service")));
            startTogether(List.of(service("gateway")));
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** Stops one service (for failure tests); the rest keeps running. */
    public void stopService(String module) {
        service(module).close();
    }

    public void startService(String module) {
        service(module).start();
    }

    private void startTogether(List<Component> components) {
        // own threads: the common pool has a single worker on two cores and would start them one by one
        java.util.concurrent.ExecutorService starters = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<Void>> starts = components.stream()
                .map(component -> CompletableFuture.runAsync(() -> {
                    Log.info("starting " + component.name());
                    try {
                        component.start();
                    } catch (RuntimeException failure) {
                        // not in `started` yet: without this its process outlives the stack and keeps the port
                        component.close();
                        throw failure;
                    }
                    synchronized (started) {
                        started.add(component);
                    }
                    Log.info(component.name() + " is ready");
                }, starters))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    @Override
    public synchronized void close() {
        List<Component> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            Component component = toStop.get(i);
            try {
                Log.info("stopping " + component.name());
                component.close();
            } catch (RuntimeException e) {
                Log.info("could not stop " + component.name() + ": " + e.getMessage());
            }
        }
    }

    public String describe() {
        return """
                Платформа 500+ is running.
                  Web UI and API:  %s
                  Keycloak:        %s (realm school500; admin console: admin / admin)
                  Demo users (password demo): fed-analyst, irk-operator, irk-ministry, irk-school1,
                                              kir-operator, kir-ministry, kir-school1, kir-curator, kir-municipal
                  Logs:            %s
                  Data:            %s
                Press Ctrl-C to stop everything.""".formatted(gatewayUrl(), keycloak.url(), layout.logs(),
                layout.home().resolve("data"));
    }
}
