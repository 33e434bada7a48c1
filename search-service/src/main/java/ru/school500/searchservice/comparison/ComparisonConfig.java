package ru.school500.searchservice.comparison;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The taxonomy (versioned reference data) and the coverage rubric (configuration) as beans. */
@Configuration(proxyBeanMethods = false)
class ComparisonConfig {

    @Bean
    Taxonomy taxonomy(JsonMapper json) {
        return Taxonomy.load(json);
    }

    @Bean
    CoverageRubric coverageRubric(ComparisonProperties properties) {
        return new CoverageRubric(properties);
    }
}
