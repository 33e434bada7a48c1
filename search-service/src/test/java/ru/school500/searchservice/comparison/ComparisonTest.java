package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.school500.searchservice.comparison.ComparisonMother.day;
import static ru.school500.searchservice.comparison.ComparisonMother.irkutsk;
import static ru.school500.searchservice.comparison.ComparisonMother.kirov;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComparisonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theAnswerCarriesEachItemWithItsEvidenceAndTheRulesThatExplainIt() {
        List<ComparedItem> items = List.of(
                irkutsk("1.15").task("Провести региональный мониторинг образовательных достижений").in("MONITORING").build(),
                kirov("2.10").task("Конкурс «Наставник года»").in("MENTORING").build());
        Taxonomy taxonomy = Taxonomy.load(json);

        JsonNode answer = json.valueToTree(Comparison.of(taxonomy, CoverageRubric.defaults(), ComparisonMother.roadmaps(),
                items, day("2022-12-31"), List.of()));

        assertThat(answer.path("items")).hasSize(2);
        assertThat(answer.at("/items/0/number").asString()).isEqualTo("1.15");
        assertThat(answer.at("/items/0/task").asString()).contains("мониторинг");
        assertThat(answer.at("/items/0/categories/0").asString()).isEqualTo("MONITORING");
        assertThat(answer.path("categoryRules")).hasSize(taxonomy.categories().size());
        assertThat(answer.at("/categoryRules/0/code").asString()).isEqualTo(taxonomy.categories().getFirst().code());
        assertThat(answer.at("/categoryRules/0/description").asString()).isNotBlank();
        assertThat(answer.at("/categoryRules/0/rules/0/id").asString()).isNotBlank();
    }
}
