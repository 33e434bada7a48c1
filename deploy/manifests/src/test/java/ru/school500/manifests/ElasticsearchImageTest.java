package ru.school500.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch image definition, checked without a Docker engine: it installs what the local stack
 * installs (the plugin zip the build makes, Debian's hunspell ru_RU files) on the server version the
 * platform is tested with.
 */
class ElasticsearchImageTest {

    private static final Path ROOT = Repository.root();
    private static final Path DOCKERFILE = ROOT.resolve("deploy/images/elasticsearch/Dockerfile");

    static String serverVersion() {
        try {
            Matcher version = Pattern.compile("<elasticsearch.server.version>([^<]+)<")
                    .matcher(Files.readString(ROOT.resolve("pom.xml")));
            assertThat(version.find()).isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theImageIsTheOfficialOneOfTheTestedServerVersion() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).contains("ARG ELASTICSEARCH_VERSION=" + serverVersion() + "\n");
        assertThat(dockerfile).contains("FROM docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}");
        assertThat(dockerfile).containsPattern("(?m)^USER 1000:0$");
    }

    @Test
    void itInstallsThePluginZipThatTheBuildProducesAndTheDockerignoreLetsThrough() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher copy = Pattern.compile("(?m)^COPY [^\\n]*?(elasticsearch/analysis-russian/target/([\\w.-]+\\.zip)) ").matcher(dockerfile);
        assertThat(copy.find()).as("COPY of the plugin zip").isTrue();
        String pluginPom = Files.readString(ROOT.resolve("deploy/elasticsearch/analysis-russian/pom.xml"));
        assertThat(pluginPom).contains("<finalName>" + copy.group(2).replace(".zip", "") + "</finalName>");
        assertThat(dockerfile).contains("bin/elasticsearch-plugin install --batch file:///tmp/" + copy.group(2));
        List<String> ignore = Files.readAllLines(ROOT.resolve("deploy/.dockerignore"));
        assertThat(ignore).contains("*", "!" + copy.group(1));
    }

    @Test
    void itInstallsTheHunspellDictionaryWhereTheIndexSettingsLookForIt() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).contains("apt-get install -y --no-install-recommends hunspell-ru");
        assertThat(dockerfile).contains("/usr/share/hunspell/ru_RU.aff /usr/share/hunspell/ru_RU.dic "
                + "/usr/share/elasticsearch/config/hunspell/ru_RU/");
        String stack = Files.readString(ROOT.resolve("deploy/stack/src/main/java/ru/school500/stack/ElasticsearchServer.java"));
        assertThat(stack).contains("config/hunspell/ru_RU").contains("\"ru_RU.aff\", \"ru_RU.dic\"");
    }
}
