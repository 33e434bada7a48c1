package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import ru.school500.searchservice.comparison.ComparisonProperties.Criterion;
import ru.school500.searchservice.comparison.ComparisonProperties.Kind;
import ru.school500.searchservice.comparison.ComparisonProperties.Match;
import ru.school500.searchservice.comparison.ComparisonProperties.Parameters;
import ru.school500.searchservice.comparison.ComparisonProperties.Rubric;
import ru.school500.searchservice.comparison.ComparisonProperties.Zones;

class ComparisonPropertiesTest {

    @Test
    void emptyPropertiesFallBackToTheDefaultRubric() {
        ComparisonProperties properties = bind(Map.of("platform.comparison.unrelated", "x"));

        assertThat(properties.rubric().criteria()).isEqualTo(Rubric.DEFAULT_CRITERIA);
        assertThat(properties.rubric().zones()).isEqualTo(Rubric.DEFAULT_ZONES);
        assertThat(properties.rubric().maxPoints()).isEqualTo(6);
    }

    @Test
    void bindsARubricWrittenInYamlStyleKeys() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("platform.comparison.rubric.criteria[0].code", "NON_NATIVE");
        values.put("platform.comparison.rubric.criteria[0].title", "Обучающиеся с неродным русским языком");
        values.put("platform.comparison.rubric.criteria[0].points", "2");
        values.put("platform.comparison.rubric.criteria[0].kind", "categories-covered");
        values.put("platform.comparison.rubric.criteria[0].parameters.categories", "NON_NATIVE_RUSSIAN,SCHOOL_CLIMATE");
        values.put("platform.comparison.rubric.criteria[0].parameters.match", "any");
        values.put("platform.comparison.rubric.criteria[1].code", "DATES");
        values.put("platform.comparison.rubric.criteria[1].title", "Сроки заданы датами");
        values.put("platform.comparison.rubric.criteria[1].kind", "SHARE_WITH_PERIODS");
        values.put("platform.comparison.rubric.criteria[1].parameters.threshold", "0.9");
        values.put("platform.comparison.rubric.zones.green", "3");
        values.put("platform.comparison.rubric.zones.yellow", "2");
        ComparisonProperties properties = bind(values);

        assertThat(properties.rubric().criteria()).containsExactly(
                new Criterion("NON_NATIVE", "Обучающиеся с неродным русским языком", 2, Kind.CATEGORIES_COVERED,
                        new Parameters(List.of("NON_NATIVE_RUSSIAN", "SCHOOL_CLIMATE"), Match.ANY, 1, null, null,
                                null)),
                new Criterion("DATES", "Сроки заданы датами", 1, Kind.SHARE_WITH_PERIODS,
                        new Parameters(null, null, null, 0.9, null, null)));
        assertThat(properties.rubric().zones()).isEqualTo(new Zones(3, 2));
    }

    @Test
    void zonesMustFitUnderTheMaximum() {
        List<Criterion> two = Rubric.DEFAULT_CRITERIA.subList(0, 2);

        assertThatThrownBy(() -> new Rubric(two, null)).hasMessageContaining("yellow ≤ green ≤ 2");
        assertThatThrownBy(() -> new Rubric(two, new Zones(1, 2))).hasMessageContaining("yellow ≤ green");
    }

    @Test
    void criteriaNeedTheParametersOfTheirKind() {
        assertThatThrownBy(() -> new Criterion("C", "Категории", 1, Kind.CATEGORIES_COVERED, null))
                .hasMessageContaining("list the categories");
        assertThatThrownBy(() -> new Criterion("S", "Доля", 1, Kind.SHARE_WITH_INDICATOR,
                new Parameters(null, null, null, 80.0, null, null))).hasMessageContaining("threshold must be a share");
        assertThatThrownBy(() -> new Criterion("E", "Исполнители", 1, Kind.EXECUTOR_TYPES, null))
                .hasMessageContaining("give minTypes or types");
        assertThatThrownBy(() -> new Rubric(List.of(Rubric.DEFAULT_CRITERIA.getFirst(),
                Rubric.DEFAULT_CRITERIA.getFirst()), new Zones(2, 1))).hasMessageContaining("duplicate");
    }

    @Test
    void theYamlExampleInTheReadmeBinds() throws IOException {
        String readme;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("comparison/README.md")) {
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String yaml = readme.substring(readme.indexOf("```yaml") + 7, readme.lastIndexOf("```"));
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("readme",
                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));

        ComparisonProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("platform.comparison", Bindable.of(ComparisonProperties.class));

        assertThat(properties.rubric().maxPoints()).isEqualTo(6);
        assertThat(properties.rubric().criteria().subList(0, 5)).isEqualTo(Rubric.DEFAULT_CRITERIA.subList(0, 5));
        assertThat(properties.rubric().criteria().getLast()).isEqualTo(new Criterion("LEVELS",
                "Исполнители регионального и муниципального уровней", 1, Kind.EXECUTOR_TYPES,
                new Parameters(null, null, null, null, 3, List.of("MUNICIPAL_BODY"))));
    }

    private static ComparisonProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("platform.comparison", Bindable.of(ComparisonProperties.class));
    }
}
