package ru.school500.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.PlatformStack;
import ru.school500.stack.StackLayout;

/**
 * The benchmark: starts the whole platform on fresh data (the cold start is the first figure), adds the bench
 * accounts, generates and loads the corpus through the public API, measures every figure against its baseline
 * in the same run and writes the report. {@code deploy/bench/run [--tiny|--full]}.
 */
public final class Bench {

    static final String SEARCH_SERVICE = "http://127.0.0.1:8083";
    /** search-service's management port in the local stack (ServiceApp: the application port + 1000). */
    static final String SEARCH_SERVICE_MANAGEMENT = "http://127.0.0.1:9083";
    static final String DOCUMENT_SERVICE = "http://127.0.0.1:8082";
    static final String ELASTICSEARCH = "http://127.0.0.1:9200";
    static final List<String> FIGURES = List.of("search", "upload", "gateway-overhead", "index-lag", "comparison",
            "import");

    private final BenchConfig config;
    private final Path output;
    /** Figures not started by then are reported as skipped, so a bounded run still writes its report. */
    private long deadline = Long.MAX_VALUE;
    /** The figures measured ({@code --only}); empty: all of them. */
    private Set<String> only = Set.of();
    /** Modules recorded with JFR during the paced gateway load ({@code --profile}). */
    private List<String> profiled = List.of();

    Bench(BenchConfig config, Path output) {
        this.config = config;
        this.output = output;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        BenchConfig config = BenchConfig.full();
        Integer practices = null;
        Integer materials = null;
        Integer lagUploads = null;
        java.time.Duration budget = null;
        Integer trivialRequests = null;
        Set<String> only = Set.of();
        List<String> profiled = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tiny" -> config = BenchConfig.tiny();
                case "--full" -> config = BenchConfig.full();
                case "--practices" -> practices = Integer.parseInt(args[++i]);
                case "--materials" -> materials = Integer.parseInt(args[++i]);
                case "--lag-uploads" -> lagUploads = Integer.parseInt(args[++i]);
                case "--budget" -> budget = java.time.Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--trivial-requests" -> trivialRequests = Integer.parseInt(args[++i]);
                case "--only" -> only = Set.copyOf(List.of(args[++i].split(",")));
                case "--profile" -> profiled = List.of(args[++i].split(","));
                default -> {
                    System.err.println("usage: deploy/bench/run [--tiny|--full] [--practices N] [--materials N] "
                            + "[--lag-uploads N] [--trivial-requests N] [--budget SECONDS] [--only FIGURE,…] "
                            + "[--profile MODULE,…]\n  figures: " + String.join(", ", FIGURES)
                            + "\n  --profile gateway: a JFR recording of the gateway during the paced overhead load");
                    System.exit(2);
                }
            }
        }
        config = config.withSizes(config.regions(), practices == null ? config.practices() : practices,
                materials == null ? config.materials() : materials)
                .withLagUploads(lagUploads == null ? config.lagUploads() : lagUploads)
                .withTrivialRequests(trivialRequests == null ? config.trivialRequests() : trivialRequests);
        if (!FIGURES.containsAll(only)) {
            System.err.println("unknown figure in --only " + only + "; figures: " + String.join(", ", FIGURES));
            System.exit(2);
        }
        Path root = StackLayout.findRepoRoot();
        Bench bench = new Bench(config, root.resolve("deploy/bench/target/bench-report"));
        if (budget != null) {
            bench.deadline = System.nanoTime() + budget.toNanos();
        }
        bench.only = only;
        bench.profiling(profiled);
        Report report = bench.run(root);
        System.out.println(report.markdown());
    }

    /** Records the given modules with JFR during the paced gateway load, into the report's directory. */
    Bench profiling(List<String> modules) {
        this.profiled = List.copyOf(modules);
        return this;
    }

    Report run(Path root) {
        System.setProperty("java.awt.headless", "true");
        Report report = new Report(config.mode());
        Path home = root.resolve("deploy/bench/target/stack-" + config.mode());
        deleteRecursively(home.resolve("data"));
        StackLayout layout = StackLayout.forRepo(root, home);
        // the loggers endpoint lets the harness capture search-service's Elasticsearch requests (EsCapture)
        PlatformStack stack = new PlatformStack(layout).withServiceEnvironment("search-service",
                Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,loggers"));
        // a run stopped from outside (Ctrl-C, a time limit) still stops every process it started
        Thread stopper = new Thread(stack::close, "bench-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        long startNanos = System.nanoTime();
        try (stack) {
            stack.start();
            double coldStart = (System.nanoTime() - startNanos) / 1e9;
            report.add("coldStart", "cold start of the whole local stack (fresh data, all health checks green)",
                    coldStart, "s", null, null, "≤ 90 s", coldStart <= 90, null);
            measure(root, stack, report);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        report.write(output);
        return report;
    }

    private void measure(Path root, PlatformStack stack, Report report) {
        Vocabulary words = Vocabulary.fromOrders(root.resolveSibling("shared").resolve("fixtures/roadmaps"));
        List<Corpus.Region> regions = regions(root);
        Corpus corpus = Corpus.generate(config, words, regions);
        List<Corpus.Region> used = corpus.orders().stream().map(Corpus.Order::region).toList();
        Accounts accounts = new Accounts(stack.keycloak().url(), used);
        accounts.create();
        List<String> all = new ArrayList<>(accounts.searchers());
        used.forEach(r -> all.add(Accounts.ministry(r)));
        all.add(Accounts.FEDERAL);
        accounts.warm(all);
        Api api = new Api(stack.gatewayUrl(), accounts);

        CorpusLoader loader = new CorpusLoader(api, config.loadWorkers());
        CorpusLoader.Loaded loaded = loader.load(corpus);
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("regions", corpus.orders().size());
        sizes.put("roadmapItems", corpus.orders().stream().mapToInt(Corpus.Order::items).sum());
        sizes.put("practices", corpus.practices().size());
        sizes.put("practicesPublished", corpus.practices().stream().filter(p -> p.status().equals("PUBLISHED")).count());
        sizes.put("materials", corpus.materials().size());
        sizes.put("loadSeconds", Report.round(loaded.seconds()));
        sizes.put("loadRequests", loaded.requests());
        report.details().put("corpus", sizes);
        report.details().put("rateLimit", "per user, 50/s sustained, burst 100 (gateway default, left on); every "
                + "load sends each request as the next of " + accounts.searchers().size()
                + " region accounts (school and operator of each region) in turn");
        CorpusLoader.log("corpus loaded in " + Math.round(loaded.seconds()) + " s (" + loaded.requests() + " requests)");

        FlightRecordings recordings = new FlightRecordings(stack, output, profiled);
        figure(stack, report, "search", () -> new SearchFigures(api, config, stack.layout().log("search-service"),
                label -> dumpThreads(stack, label))
                .measure(corpus, report));
        figure(stack, report, "upload", () -> new UploadFigures(api, config).measure(corpus, report));
        figure(stack, report, "gateway-overhead", () -> new GatewayOverhead(api, config, recordings,
                () -> ProcessCpu.total(stack, "gateway")).measure(report));
        figure(stack, report, "index-lag", () -> new IndexLag(api, loader, config).measure(corpus, report));
        figure(stack, report, "comparison", () -> new ComparisonFigure(api, config).measure(loaded.roadmaps(), report));
        figure(stack, report, "import", () -> new ImportFigures(api).measure(corpus, report));
    }

    /** A figure that fails is reported as failed (and missing from the table); the others are still measured. */
    private void figure(PlatformStack stack, Report report, String name, Runnable measurement) {
        if (!only.isEmpty() && !only.contains(name)) {
            report.details().put("skipped." + name, "not asked for (--only)");
            return;
        }
        if (System.nanoTime() > deadline) {
            CorpusLoader.log(name + " skipped: the run's time budget is spent");
            report.details().put("skipped." + name, "time budget spent");
            return;
        }
        try {
            measurement.run();
        } catch (RuntimeException e) {
            CorpusLoader.log(name + " failed: " + e);
            e.printStackTrace();
            report.details().put("failed." + name, String.valueOf(e));
            dumpThreads(stack, name);
        }
    }

    private void dumpThreads(PlatformStack stack, String label) {
        List<Path> dumps = ThreadDumps.save(stack, output.resolve("thread-dumps"), label);
        if (!dumps.isEmpty()) {
            CorpusLoader.log(label + ": thread dumps of the services in " + dumps.getFirst().getParent());
        }
    }

    private static List<Corpus.Region> regions(Path root) {
        Path file = root.resolve("search-service/src/main/resources/reference/regions.json");
        List<Corpus.Region> regions = new ArrayList<>();
        try {
            for (JsonNode item : Api.JSON.readTree(Files.readString(file)).path("items")) {
                regions.add(new Corpus.Region(item.path("code").asString(), item.path("name").asString()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return regions;
    }

    static HttpRequest get(Api api, String base, String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + api.accounts().token(user)).GET().build();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
