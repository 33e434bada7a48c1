package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Extensible;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * named_components.json is what Elasticsearch reads instead of scanning the jar (its Gradle build plugin
 * writes it; this Maven build keeps it by hand): every {@code @NamedComponent} class of this module must be
 * listed under its extensible interface, and nothing else.
 */
class PluginDescriptorFilesTest {

    private static final Path PLUGIN_DIR = Path.of(System.getProperty("plugin.dir", "src/main/plugin"));

    @Test
    void namedComponentsMatchTheAnnotatedClasses() throws Exception {
        Map<String, Map<String, String>> declared = JsonMapper.builder().build().readValue(
                Files.readString(PLUGIN_DIR.resolve("named_components.json")), new TypeReference<>() {
                });

        Map<String, Map<String, String>> scanned = new TreeMap<>();
        for (Class<?> type : compiledClasses()) {
            NamedComponent named = type.getAnnotation(NamedComponent.class);
            if (named == null) {
                continue;
            }
            Class<?> extensible = extensibleOf(type);
            assertThat(extensible).as("%s implements an @Extensible interface", type).isNotNull();
            scanned.computeIfAbsent(extensible.getName(), k -> new TreeMap<>()).put(named.value(), type.getName());
        }

        assertThat(declared).isEqualTo(scanned);
        assertThat(scanned).isEqualTo(Map.of("org.elasticsearch.plugin.analysis.TokenFilterFactory", Map.of(
                "platform_russian_lemma", RussianLemmaTokenFilterFactory.class.getName(),
                "platform_russian_stem", RussianStemTokenFilterFactory.class.getName(),
                "platform_word_families", WordFamilyTokenFilterFactory.class.getName(),
                "platform_yo_folding", YoFoldingTokenFilterFactory.class.getName())));
    }

    @Test
    void componentsHaveTheirNamesAndOnePublicNoArgConstructor() throws Exception {
        assertThat(new RussianLemmaTokenFilterFactory().name()).isEqualTo("platform_russian_lemma");
        assertThat(new RussianStemTokenFilterFactory().name()).isEqualTo("platform_russian_stem");
        assertThat(new YoFoldingTokenFilterFactory().name()).isEqualTo("platform_yo_folding");
        for (Class<?> type : new Class<?>[] {RussianLemmaTokenFilterFactory.class, RussianStemTokenFilterFactory.class,
                YoFoldingTokenFilterFactory.class}) {
            assertThat(type.getConstructors()).hasSize(1);
            assertThat(type.getConstructors()[0].getParameterCount()).isZero();
        }
    }

    /** Elasticsearch builds a component with settings through its one public {@code @Inject} constructor. */
    @Test
    void theFamilyFilterTakesItsSettingsThroughOneInjectConstructor() {
        var constructors = WordFamilyTokenFilterFactory.class.getConstructors();
        assertThat(constructors).hasSize(1);
        assertThat(constructors[0].isAnnotationPresent(org.elasticsearch.plugin.Inject.class)).isTrue();
        assertThat(constructors[0].getParameterTypes()).containsExactly(WordFamilySettings.class);
        assertThat(WordFamilySettings.class.isAnnotationPresent(org.elasticsearch.plugin.settings.AnalysisSettings.class))
                .isTrue();
        WordFamilySettings settings = () -> java.util.List.of("медиация медиатор");
        assertThat(new WordFamilyTokenFilterFactory(settings).name()).isEqualTo("platform_word_families");
    }

    @Test
    void stableDescriptorHasWhatElasticsearchReads() throws IOException {
        Properties descriptor = new Properties();
        try (Reader reader = Files.newBufferedReader(PLUGIN_DIR.resolve("stable-plugin-descriptor.properties"))) {
            descriptor.load(reader);
        }
        assertThat(descriptor.stringPropertyNames())
                .containsExactlyInAnyOrder("name", "description", "version", "elasticsearch.version", "java.version",
                        "modular");
        assertThat(descriptor.getProperty("name")).isEqualTo("analysis-russian");
        assertThat(descriptor.getProperty("modular")).isEqualTo("false");
    }

    private static Class<?> extensibleOf(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isAnnotationPresent(Extensible.class)) {
            return type;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Class<?> found = extensibleOf(parent);
            if (found != null) {
                return found;
            }
        }
        return extensibleOf(type.getSuperclass());
    }

    private static Iterable<Class<?>> compiledClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(RussianStemTokenFilterFactory.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString())
                    .filter(name -> !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(PluginDescriptorFilesTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginDescriptorFilesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
