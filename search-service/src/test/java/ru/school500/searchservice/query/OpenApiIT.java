package ru.school500.searchservice.query;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import ru.school500.searchservice.support.IntegrationTest;

class OpenApiIT extends IntegrationTest {

    @Test
    void theApiDocumentDescribesSearchAndComparisonForAnyone() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/search'].get").exists())
                .andExpect(jsonPath("$.paths['/api/search/suggest'].get").exists())
                .andExpect(jsonPath("$.paths['/api/comparison'].get").exists())
                .andExpect(jsonPath("$.paths['/api/comparison/export'].get").exists())
                .andExpect(jsonPath("$.paths['/api/comparison/classifications/{itemId}'].put").exists());
    }
}
