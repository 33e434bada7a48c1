package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.school500.stack.ElasticsearchServer;
import ru.school500.stack.StackLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged plugin on the real Elasticsearch 8.19 of the local stack (integ-test zip: no analysis-common),
 * with Debian's hunspell ru_RU dictionary, in the platform's analyzer chain: standard → lowercase →
 * platform_yo_folding → Russian stop words → hunspell ru_RU → platform_russian_stem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RussianAnalysisIT {

    private static final String INDEX = "analysis-russian-it";
    private static final String SETTINGS = """
            {
              "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "russian_stop": {"type": "stop", "stopwords": ["и", "в", "во", "на", "с", "по", "для", "не", "от"]},
                    "russian_hunspell": {"type": "hunspell", "locale": "ru_RU", "dedup": true},
                    "families": {"type": "platform_word_families", "families": ["наставник наставничество", "медиация медиатор"]}
                  },
                  "analyzer": {
                    "platform_lemmas": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["lowercase", "platform_yo_folding", "russian_stop", "platform_russian_lemma",
                                 "platform_russian_stem"]
                    },
                    "platform_lemmas_families": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["lowercase", "platform_yo_folding", "russian_stop", "platform_russian_lemma",
                                 "platform_russian_stem", "families"]
                    },
                    "platform_russian": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["lowercase", "platform_yo_folding", "russian_stop", "russian_hunspell",
                                 "platform_russian_stem"]
                    }
                  }
                }
              }
            }
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private StackLayout layout;
    private ElasticsearchServer elasticsearch;

    @BeforeAll
    void startElasticsearch() throws Exception {
        Path root = StackLayout.findRepoRoot();
        Path home = root.resolve("deploy/elasticsearch/analysis-russian/target/it-stack");
        deleteRecursively(home.resolve("data"));
        layout = StackLayout.forRepo(root, home);
        elasticsearch = new ElasticsearchServer(layout, freePortPair(9250), layout.data("elasticsearch"))
                .withAnalysisPlugin();
        elasticsearch.start();
        HttpResponse<String> created = send("PUT", "/" + INDEX, SETTINGS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    @AfterAll
    void stopElasticsearch() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void zipHoldsOnlyThePluginItself() throws IOException {
        Path zip = layout.analysisPluginZip();
        String built = System.getProperty("plugin.zip"); // set by this module's failsafe configuration
        if (built != null) {
            assertThat(zip).as("StackLayout#analysisPluginZip points at what this build makes")
                    .isEqualTo(Path.of(built).toAbsolutePath().normalize());
        }
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.stream().map(ZipEntry::getName).filter(name -> !name.endsWith("/")))
                    .containsExactlyInAnyOrder("stable-plugin-descriptor.properties", "named_components.json",
                            "analysis-russian.jar", "morfologik-stemming-2.1.9.jar", "morfologik-fsa-2.1.9.jar",
                            "NOTICE.txt", "licenses/LGPL-2.1.txt", "licenses/morfologik-BSD.txt");
        }
    }

    @Test
    void theDictionaryIsShippedUnmodifiedInsideThePluginJarWithoutLanguageToolsCode() throws Exception {
        Path original = Path.of(System.getProperty("languagetool.jar")); // set by this module's failsafe configuration
        Map<String, byte[]> shipped = new HashMap<>();
        try (ZipFile archive = new ZipFile(layout.analysisPluginZip().toFile());
                ZipInputStream jar = new ZipInputStream(archive.getInputStream(archive.getEntry("analysis-russian.jar")))) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                shipped.put(entry.getName(), jar.readAllBytes());
            }
        }
        assertThat(shipped.keySet()).as("none of LanguageTool's code")
                .noneMatch(name -> name.startsWith("org/languagetool/") && name.endsWith(".class"));
        try (ZipFile languageTool = new ZipFile(original.toFile())) {
            for (String file : List.of(RussianDictionary.DICT, RussianDictionary.INFO)) {
                try (var in = languageTool.getInputStream(languageTool.getEntry(file))) {
                    assertThat(shipped.get(file)).as(file).isEqualTo(in.readAllBytes());
                }
            }
        }
    }

    @Test
    void nodeRunsThePluginAsAStablePlugin() throws Exception {
        JsonNode nodes = json.readTree(send("GET", "/_nodes/plugins", null).body()).path("nodes");
        JsonNode node = nodes.propertyStream().findFirst().orElseThrow().getValue();
        List<String> plugins = new ArrayList<>();
        node.path("plugins").forEach(plugin -> plugins.add(plugin.path("name").asString()));
        assertThat(plugins).contains("analysis-russian");
        List<String> modules = new ArrayList<>();
        node.path("modules").forEach(module -> modules.add(module.path("name").asString()));
        assertThat(modules).as("the integ-test distribution has no analysis-common").doesNotContain("analysis-common");
    }

    @Test
    void filtersWorkByNameInAdHocChains() throws Exception {
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "platform_yo_folding"], "text": "Партнёр ЁЛКА"}"""))
                .containsExactly("партнер", "елка");
        assertThat(analyze("""
                {"tokenizer": "standard", "filter": ["lowercase", "platform_russian_stem"], "text": "школами педагогов"}"""))
                .containsExactly("школ", "педагог");
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "школы, школа",
            "школы, школами",
            "школа, школами",
            "медиации, медиация",
            "педагогов, педагог",
            "наставников, наставник",
            "компетенций, компетенция",
            "вебинаров, вебинар",
            "тьюторов, тьютор",
            "антирисковых, антирисковая",
            "самодиагностики, самодиагностика",
            "партнёр, партнер",
            "Партнёрами, ПАРТНЕРОВ",
    })
    void inflectionsShareATokenBothWays(String one, String other) throws Exception {
        Set<String> a = analyzeWithIndexAnalyzer(one);
        Set<String> b = analyzeWithIndexAnalyzer(other);
        System.out.printf("%s → %s, %s → %s%n", one, a, other, b); // in target/failsafe-reports/*-output.txt
        assertThat(a).as("%s → %s, %s → %s", one, a, other, b).containsAnyElementsOf(b);
        assertThat(b).as("%s → %s, %s → %s", other, b, one, a).containsAnyElementsOf(a);
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource({"школа, шкала", "педагог, педаль"})
    void unrelatedWordsShareNoToken(String one, String other) throws Exception {
        Set<String> a = analyzeWithIndexAnalyzer(one);
        Set<String> b = analyzeWithIndexAnalyzer(other);
        assertThat(a).isNotEmpty().as("%s → %s, %s → %s", one, a, other, b).doesNotContainAnyElementsOf(b);
    }

    @Test
    void theLemmaFilterRunsOnTheNodeWithItsDictionary() throws Exception {
        assertThat(analyzeWith("platform_lemmas", "Дефицитов партнёрами стали вебинаров"))
                .containsExactly("дефицит", "партнер", "сталь", "стать", "вебинар");
        assertThat(analyzeWith("platform_lemmas", "дефицит кашля любви детей"))
                .containsExactly("дефицит", "кашель", "любовь", "ребенок");
    }

    @Test
    void wordFamiliesFromTheIndexSettingsWidenATerm() throws Exception {
        assertThat(analyzeWith("platform_lemmas_families", "наставникам медиаторов школы"))
                .containsExactly("наставник", "наставничество", "медиатор", "медиация", "школа");
    }

    /**
     * Local and deployed analysis give the same tokens. There is no deploy image in this repository yet; what
     * one runs is Elasticsearch 8.19 with analysis-common plus this plugin (README, "Install into a deploy
     * image"). So: search-service's newest index settings, created on this node (the integ-test distribution,
     * no analysis-common), must give token for token, position for position, what the same chain gives on
     * Lucene alone with this plugin's classes ({@link PlatformChain}, which also refuses any component whose
     * tokens could differ on another distribution), over the text of both fixture roadmaps.
     */
    @Test
    void searchServiceAnalyzersGiveOnThisNodeExactlyTheTokensOfTheDocumentedChainOnLuceneAlone() throws Exception {
        Path root = StackLayout.findRepoRoot();
        Path resources = root.resolve("search-service/src/main/resources");
        Path settingsFile;
        try (Stream<Path> files = Files.list(resources.resolve("elasticsearch"))) {
            settingsFile = files.filter(f -> f.getFileName().toString().matches("settings-v\\d+\\.json"))
                    .max(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""))))
                    .orElseThrow();
        }
        var settings = (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readString(settingsFile));
        ((tools.jackson.databind.node.ObjectNode) settings.at("/analysis/filter/russian_stop")).set("stopwords",
                lines(resources.resolve("elasticsearch/russian-stopwords.txt")));
        if (settings.at("/analysis/filter/word_families").isObject()) {
            ((tools.jackson.databind.node.ObjectNode) settings.at("/analysis/filter/word_families")).set("families",
                    lines(resources.resolve("reference/word-families.txt")));
        }
        var body = json.createObjectNode();
        body.set("settings", settings);
        String index = "parity-" + settingsFile.getFileName().toString().replace(".json", "");
        HttpResponse<String> created = send("PUT", "/" + index, json.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        List<String> texts = new ArrayList<>();
        texts.add("Партнёрами стали ШНОР и МОУО: вебинаров 12, наставникам и медиаторов; е\u0308лка, ПАРТНЕР, online-курс.");
        try (Stream<Path> golden = Files.list(root.resolve("roadmap-service/src/test/resources/importer/golden"))) {
            for (Path file : golden.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                StringBuilder text = new StringBuilder();
                json.readTree(Files.readString(file)).path("sections").forEach(section -> {
                    text.append(section.path("title").asString()).append('\n');
                    section.path("items").forEach(item -> text.append(item.path("text").asString()).append('\n'));
                });
                texts.add(text.toString());
            }
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
        int compared = 0;
        for (var analyzer : settings.path("analysis").path("analyzer").propertyNames()) {
            var chain = PlatformChain.of(settings.path("analysis"), analyzer);
            for (String text : texts) {
                var request = json.createObjectNode().put("analyzer", analyzer).put("text", text);
                HttpResponse<String> response = send("POST", "/" + index + "/_analyze", json.writeValueAsString(request));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                List<String> onTheNode = new ArrayList<>();
                json.readTree(response.body()).path("tokens").forEach(t -> onTheNode.add(t.path("token").asString() + "@"
                        + t.path("position").asInt() + "[" + t.path("start_offset").asInt() + "," + t.path("end_offset").asInt() + "]"));
                assertThat(onTheNode).as("%s on the node vs on Lucene", analyzer).isEqualTo(Tokens.positioned(text, chain));
                compared += onTheNode.size();
            }
        }
        System.out.println("parity: " + compared + " tokens compared"); // in target/failsafe-reports/*-output.txt
        assertThat(compared).as("tokens compared").isGreaterThan(5_000);
    }

    private tools.jackson.databind.node.ArrayNode lines(Path file) throws IOException {
        var lines = json.createArrayNode();
        Files.readString(file).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(lines::add);
        return lines;
    }

    @Test
    void stopWordsGoBeforeTheMorphology() throws Exception {
        assertThat(analyzeWithIndexAnalyzer("школа и партнёр")).doesNotContain("и").contains("партнер");
    }

    private Set<String> analyzeWithIndexAnalyzer(String text) throws Exception {
        return new LinkedHashSet<>(analyzeWith("platform_russian", text));
    }

    private List<String> analyzeWith(String analyzer, String text) throws Exception {
        var body = json.createObjectNode().put("analyzer", analyzer).put("text", text);
        return analyze("/" + INDEX + "/_analyze", json.writeValueAsString(body));
    }

    private List<String> analyze(String body) throws Exception {
        return analyze("/_analyze", body);
    }

    private List<String> analyze(String path, String body) throws Exception {
        HttpResponse<String> response = send("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        json.readTree(response.body()).path("tokens").forEach(token -> tokens.add(token.path("token").asString()));
        return tokens;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A free HTTP port whose transport port (HTTP + 100, as ElasticsearchServer uses it) is free too. */
    private static int freePortPair(int preferred) {
        for (int port = preferred; port < preferred + 40; port++) {
            if (isFree(port) && isFree(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair from " + preferred);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
