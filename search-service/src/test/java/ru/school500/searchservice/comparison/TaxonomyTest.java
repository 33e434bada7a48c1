package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TaxonomyTest {

    private static final Path GOLDEN = Path.of("../roadmap-service/src/test/resources/importer/golden");

    private final JsonMapper json = JsonMapper.builder().build();

    record Expectation(List<String> includes, List<String> excludes) {
    }

    record Pair(String irkutsk, String kirov, String why) {
    }

    @Test
    void loadsTheVersionedTaxonomyFromTheClasspath() {
        Taxonomy taxonomy = Taxonomy.load(json);

        assertThat(taxonomy.version()).isEqualTo(2);
        assertThat(taxonomy.categories()).extracting(Taxonomy.Category::code).containsExactly("MONITORING",
                "PROFESSIONAL_DEVELOPMENT", "MENTORING", "CURATORSHIP", "BEST_PRACTICES", "PARENTS_COMMUNITY",
                "NON_NATIVE_RUSSIAN", "SCHOOL_CLIMATE", "NETWORKING", "MANAGEMENT_DOCUMENTS", "INFORMATION_SUPPORT",
                "RESOURCES_FINANCING");
        assertThat(taxonomy.categories()).allSatisfy(category -> {
            assertThat(category.title()).matches("[А-ЯЁ].*");
            assertThat(category.description()).isNotBlank();
        });
        assertThat(taxonomy.category("PARENTS_COMMUNITY").orElseThrow().title())
                .isEqualTo("Работа с родителями и местным сообществом");
    }

    @Test
    void ruleWithoutSlopMatchesPhrasesWithinOnePosition() {
        Taxonomy taxonomy = read("""
                {"version": 1, "name": "t", "categories": [{"code": "A", "title": "А", "description": "",
                  "rules": [{"id": "a", "phrases": ["местное сообщество"]}]}]}""");

        Taxonomy.Rule rule = taxonomy.categories().getFirst().rules().getFirst();
        assertThat(rule.slop()).isEqualTo(1);
        assertThat(rule.anyOf()).isEmpty();
        assertThat(rule.noneOf()).isEmpty();
    }

    @Test
    void rejectsDuplicateCategoryCodes() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "name": "t", "categories": [
                  {"code": "A", "title": "А", "rules": [{"id": "a", "anyOf": ["родитель"]}]},
                  {"code": "A", "title": "Б", "rules": [{"id": "b", "anyOf": ["семья"]}]}]}"""))
                .hasMessageContaining("duplicate category code A");
    }

    @Test
    void rejectsDuplicateRuleIdsAcrossCategories() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "name": "t", "categories": [
                  {"code": "A", "title": "А", "rules": [{"id": "same", "anyOf": ["родитель"]}]},
                  {"code": "B", "title": "Б", "rules": [{"id": "same", "anyOf": ["семья"]}]}]}"""))
                .hasMessageContaining("duplicate rule id same");
    }

    @Test
    void rejectsRuleWithNeitherWordsNorPhrases() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "name": "t", "categories": [
                  {"code": "A", "title": "А", "rules": [{"id": "empty", "noneOf": ["семья"]}]}]}"""))
                .hasMessageContaining("rule empty has neither anyOf nor phrases");
    }

    @Test
    void rejectsSeveralWordsInAnyOfBecauseTheyNeverMatchOneTerm() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "name": "t", "categories": [
                  {"code": "A", "title": "А", "rules": [{"id": "a", "anyOf": ["местное сообщество"]}]}]}"""))
                .hasMessageContaining("put it in phrases");
        assertThatThrownBy(() -> read("""
                {"version": 1, "name": "t", "categories": [
                  {"code": "A", "title": "А", "rules": [{"id": "a", "anyOf": ["пресс-релиз"]}]}]}"""))
                .hasMessageContaining("put it in phrases");
    }

    @Test
    void seedExpectationsCoverBothSeedsWithKnownCategories() throws IOException {
        Set<String> codes = new HashSet<>();
        Taxonomy.load(json).categories().forEach(category -> codes.add(category.code()));
        Map<String, Map<String, Expectation>> seeds = expectations();

        assertThat(seeds.get("irkutsk")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(seeds.get("kirov")).hasSizeGreaterThanOrEqualTo(25);
        seeds.values().forEach(items -> items.forEach((number, expectation) -> {
            assertThat(expectation.includes()).as(number).isSubsetOf(codes).doesNotContainAnyElementsOf(
                    expectation.excludes());
            assertThat(expectation.excludes()).as(number).isSubsetOf(codes);
        }));
        for (String number : List.of("2.11", "2.12", "2.13", "2.14", "2.15")) {
            assertThat(seeds.get("irkutsk").get(number).includes()).as(number).contains("NON_NATIVE_RUSSIAN");
        }
        for (String number : List.of("2.7", "2.8", "2.9", "2.10")) {
            assertThat(seeds.get("irkutsk").get(number).includes()).as(number).contains("PARENTS_COMMUNITY");
        }
        for (String number : List.of("2.10", "4.2", "5.3")) {
            assertThat(seeds.get("kirov").get(number).includes()).as(number).contains("MENTORING");
        }
    }

    @Test
    void expectationsAndSimilarPairsNameItemsOfTheSeeds() throws IOException {
        assumeTrue(Files.isDirectory(GOLDEN), "roadmap-service golden files are next to this module");
        Set<String> irkutsk = numbers("irkutsk-2021-order-294.json");
        Set<String> kirov = numbers("kirov-2022-order-324.json");
        assertThat(irkutsk).hasSize(74);
        assertThat(kirov).hasSize(31);

        assertThat(irkutsk).containsAll(expectations().get("irkutsk").keySet());
        assertThat(kirov).containsAll(expectations().get("kirov").keySet());
        List<Pair> pairs;
        try (InputStream in = resource("comparison/similar-pairs.json")) {
            pairs = json.readValue(in, new TypeReference<List<Pair>>() {
            });
        }
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3).allSatisfy(pair -> {
            assertThat(irkutsk).contains(pair.irkutsk());
            assertThat(kirov).contains(pair.kirov());
        });
    }

    private Taxonomy read(String text) {
        return Taxonomy.read(json, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, Map<String, Expectation>> expectations() throws IOException {
        try (InputStream in = resource("comparison/seed-expectations.json")) {
            return json.readValue(in, new TypeReference<Map<String, Map<String, Expectation>>>() {
            });
        }
    }

    private Set<String> numbers(String golden) throws IOException {
        List<String> numbers = new ArrayList<>();
        for (JsonNode section : json.readTree(Files.readString(GOLDEN.resolve(golden))).path("sections")) {
            section.path("items").forEach(item -> numbers.add(item.path("number").asString()));
        }
        Set<String> unique = new HashSet<>(numbers);
        assertThat(unique).as("item numbers are unique in " + golden).hasSize(numbers.size());
        return unique;
    }

    private static InputStream resource(String path) {
        return TaxonomyTest.class.getClassLoader().getResourceAsStream(path);
    }
}
