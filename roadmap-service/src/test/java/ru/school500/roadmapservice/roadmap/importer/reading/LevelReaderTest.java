package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Level;

class LevelReaderTest {

    @Test
    void regionalMinistryApprovesARegionalRoadmap() {
        Warnings warnings = new Warnings();
        LevelReader.Result result = LevelReader.read("Министерство образования Кировской области",
                "Об утверждении дорожной карты", "ДОРОЖНАЯ КАРТА … в Кировской области", warnings);

        assertThat(result).isEqualTo(new LevelReader.Result(Level.REGIONAL, null));
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void localAdministrationsBodyApprovesAMunicipalRoadmapOfItsMunicipality() {
        Warnings warnings = new Warnings();
        LevelReader.Result result = LevelReader.read("Управление образования администрации города Слободского",
                "Об утверждении муниципальной дорожной карты", null, warnings);

        assertThat(result).isEqualTo(new LevelReader.Result(Level.MUNICIPAL, "город Слободской"));
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void withoutAnAuthorityTheTitleDecidesAndTheOperatorIsWarned() {
        Warnings warnings = new Warnings();
        LevelReader.Result result = LevelReader.read(null, "Об утверждении муниципальной дорожной карты",
                "Муниципальная дорожная карта в муниципальном образовании «Город Тестоград»", warnings);

        assertThat(result).isEqualTo(new LevelReader.Result(Level.MUNICIPAL, "Город Тестоград"));
        assertThat(warnings.list()).extracting(ImportWarning::code).containsExactly(Code.LEVEL_UNCERTAIN);
    }

    @Test
    void authorityAndTitleThatDisagreeAreWarnedAbout() {
        Warnings warnings = new Warnings();
        LevelReader.Result result = LevelReader.read("Министерство образования Кировской области",
                "Об утверждении муниципальной дорожной карты", null, warnings);

        assertThat(result.level()).isEqualTo(Level.REGIONAL);
        assertThat(warnings.list()).extracting(ImportWarning::code).containsExactly(Code.LEVEL_UNCERTAIN);
    }
}
