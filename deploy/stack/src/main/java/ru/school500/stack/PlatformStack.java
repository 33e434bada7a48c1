package ru.school500.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole platform on 127.0.0.1: PostgreSQL, S3, Elasticsearch, Keycloak and Redis first (in parallel), then
 * the three services, then the gateway. If anything fails to start, everything started so far is stopped
 * and the failure names the component.
 */
public final class PlatformStack implements AutoCloseable {

    public static final int GATEWAY_PORT = 8080;
    /** The second gateway ({@code --instances 2}): same sessions and rate limit, through the same Redis. */
    public static final int SECOND_GATEWAY_PORT = 8084;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int REDIS_PORT = 6379;

    private final StackLayout layout;
    private final PostgresServer postgres;
    private final S3Server s3;
    private final ElasticsearchServer elasticsearch;
    private final KeycloakServer keycloak;
    private final RedisServer redis;
    private final Map<String, ServiceApp> services = new LinkedHashMap<>();
    private final List<Component> started = new ArrayList<>();

    /** Ports of the second instances ({@code --instances 2}): roadmap, document, search. */
    private static final Map<String, Integer> SECOND_INSTANCE_PORTS = Map.of(
            "roadmap-service", 8091, "document-service", 8092, "search-service", 8093);

    private final int instances;
    private volatile long startNanos;

    public PlatformStack(StackLayout layout) {
        this(layout, 1);
    }

    /**
     * With {@code instances} 2, a second instance of each service runs beside the first (ports 8091–8093)
     * and the gateway balances across both (Spring Cloud LoadBalancer with a static list, health-checked).
     */
    public PlatformStack(StackLayout layout, int instances) {
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("--instances must be 1 or 2, not " + instances);
        }
        this.instances = instances;
        this.layout = layout;
        this.postgres = new PostgresServer(15432, layout.data("postgres"), List.of("roadmap", "document"));
        this.s3 = new S3Server(layout, 9000, layout.data("s3"), List.of("documents"));
        this.elasticsearch = new ElasticsearchServer(layout, 9200, layout.data("elasticsearch"))
                .withPlugin(ElasticsearchServer.ANALYSIS_PLUGIN, layout.analysisPluginZip());
        this.keycloak = new KeycloakServer(layout, KEYCLOAK_PORT, layout.data("keycloak"),
                layout.repoRoot().resolve("deploy/keycloak/school500-realm.json"));
        this.redis = new RedisServer(layout.log("redis"), REDIS_PORT, layout.data("redis"), true);
        services.put("roadmap-service", new ServiceApp(layout, "roadmap-service", 8081, Map.of(), "384m"));
        services.put("document-service", new ServiceApp(layout, "document-service", 8082, Map.of(), "256m"));
        services.put("search-service", new ServiceApp(layout, "search-service", 8083, Map.of(), "384m"));
        if (instances == 2) {
            // search-service pulls the feeds of either instance (the next one when a pull fails)
            Map<String, String> feeds = Map.of(
                    "PLATFORM_FEED_SOURCES_ROADMAP", "http://127.0.0.1:8081,http://127.0.0.1:8091",
                    "PLATFORM_FEED_SOURCES_DOCUMENT", "http://127.0.0.1:8082,http://127.0.0.1:8092");
            services.put("search-service", new ServiceApp(layout, "search-service", 8083, feeds, "384m"));
            SECOND_INSTANCE_PORTS.forEach((module, port) -> services.put(module + "-2", new ServiceApp(layout, module,
                    module + "-2", port, module.equals("search-service") ? feeds : Map.of(), services.get(module).heap())));
        }
        services.put("gateway", new ServiceApp(layout, "gateway", GATEWAY_PORT, gatewayEnvironment(), "256m"));
        if (instances == 2) {
            services.put("gateway-2", new ServiceApp(layout, "gateway", "gateway-2", SECOND_GATEWAY_PORT,
                    gatewayEnvironment(), "256m"));
        }
    }

    private Map<String, String> gatewayEnvironment() {
        if (instances == 1) {
            return Map.of();
        }
        StringBuilder json = new StringBuilder("{");
        for (String module : List.of("roadmap-service", "document-service", "search-service")) {
            String list = "spring.cloud.discovery.client.simple.instances." + module;
            json.append('"').append(list).append("[0].uri\":\"").append(services.get(module).url()).append("\",");
            json.append('"').append(list).append("[1].uri\":\"").append(services.get(module + "-2").url()).append("\",");
        }
        // No LoadBalancer health check: with Spring Cloud 2025.1.2 its probes never ran here and every instance stayed
        // out of rotation ("No servers available", found by deploy/faults). A dead instance stays in the round
        // robin; idempotent requests that meet it are retried on the other one, the rest get a quick 503.
        json.setLength(json.length() - 1);
        json.append('}');
        return Map.of("SPRING_APPLICATION_JSON", json.toString());
    }

    /**
     * Adds environment variables to a service before {@link #start()} (the benchmark exposes search-service's
     * {@code loggers} endpoint this way); the service's own variables stay, these win on a clash.
     */
    public synchronized PlatformStack withServiceEnvironment(String module, Map<String, String> environment) {
        ServiceApp app = service(module);
        if (app.isRunning()) {
            throw new IllegalStateException(module + " is running already");
        }
        Map<String, String> merged = new LinkedHashMap<>(app.environment());
        merged.putAll(environment);
        services.put(module, new ServiceApp(layout, app.module(), app.name(), app.port(), Map.copyOf(merged), app.heap()));
        return this;
    }

    public int instances() {
        return instances;
    }

    /** The running instances of a module: the first, and with {@code --instances 2} the second. */
    public List<ServiceApp> instancesOf(String module) {
        return instances == 2 ? List.of(service(module), service(module + "-2")) : List.of(service(module));
    }

    public StackLayout layout() {
        return layout;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public RedisServer redis() {
        return redis;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    /** Every service instance and the gateway, by instance name ({@code search-service-2} for a second one). */
    public Map<String, ServiceApp> serviceInstances() {
        return java.util.Collections.unmodifiableMap(services);
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

    /**
     * Starts each component as soon as what it needs is ready, rather than in layers: roadmap- and
     * document-service need PostgreSQL (document-service also S3), search-service needs Elasticsearch (it pulls
     * the feeds with retries), none of them needs Keycloak to start (tokens are checked against the JWK set on
     * first use); the gateway needs Keycloak (its OIDC client reads the issuer's metadata at start). So the
     * services start while Keycloak is still starting, and the gateway beside them.
     */
    public synchronized void start() {
        // own threads: the common pool has a single worker on two cores and would start them one by one
        java.util.concurrent.ExecutorService starters = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        startNanos = System.nanoTime();
        try {
            CompletableFuture<Void> database = startAfter(postgres, List.of(), starters);
            CompletableFuture<Void> storage = startAfter(s3, List.of(), starters);
            CompletableFuture<Void> search = startAfter(elasticsearch, List.of(), starters);
            CompletableFuture<Void> identity = startAfter(keycloak, List.of(), starters);
            CompletableFuture<Void> sessions = startAfter(redis, List.of(), starters);
            List<CompletableFuture<Void>> all = new ArrayList<>(List.of(database, storage, search, identity, sessions));
            for (ServiceApp app : instancesOf("roadmap-service")) {
                all.add(startAfter(app, List.of(database), starters));
            }
            for (ServiceApp app : instancesOf("document-service")) {
                all.add(startAfter(app, List.of(database, storage), starters));
            }
            for (ServiceApp app : instancesOf("search-service")) {
                all.add(startAfter(app, List.of(search), starters));
            }
            for (ServiceApp app : instancesOf("gateway")) {
                all.add(startAfter(app, List.of(identity, sessions), starters));
            }
            awaitAll(all);
        } catch (RuntimeException failure) {
            close();
            throw failure;
        } finally {
            starters.shutdown();
        }
    }

    private CompletableFuture<Void> startAfter(Component component, List<CompletableFuture<Void>> needs,
            java.util.concurrent.ExecutorService starters) {
        return CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            long begun = System.nanoTime();
            Log.info("starting " + component.name() + " at +" + seconds(begun - startNanos) + " s");
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
            long ready = System.nanoTime();
            Log.info(component.name() + " is ready at +" + seconds(ready - startNanos) + " s (took "
                    + seconds(ready - begun) + " s)");
        }, starters);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Waits for every start, also after a failure (so nothing is left starting), then throws the first failure. */
    private static void awaitAll(List<CompletableFuture<Void>> starts) {
        RuntimeException first = null;
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (first == null) {
                    first = cause instanceof RuntimeException runtime ? runtime : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stops one service (for failure tests); the rest keeps running. */
    public void stopService(String module) {
        service(module).close();
    }

    public void startService(String module) {
        service(module).start();
    }

    /** Kills one service instance with SIGKILL (for failure tests), e.g. {@code search-service-2}. */
    public void killService(String instance) {
        service(instance).kill();
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
                Платформа 500+ is running (%d instance(s) of each service).
                  Web UI and API:  %s%s
                  Keycloak:        %s (realm school500; admin console: admin / admin)
                  Demo users (password demo): fed-analyst, irk-operator, irk-ministry, irk-school1,
                                              kir-operator, kir-ministry, kir-school1, kir-curator, kir-municipal
                  Logs:            %s
                  Data:            %s
                Press Ctrl-C to stop everything.""".formatted(instances, gatewayUrl(),
                instances == 2 ? " and http://127.0.0.1:" + SECOND_GATEWAY_PORT + " (second gateway, same sessions)" : "",
                keycloak.url(), layout.logs(),
                layout.home().resolve("data"));
    }
}
