package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;

/** Ranges no file can satisfy (past the end, past any number) are a 416 problem naming the size. */
class ContentRangeIT extends IntegrationTest {

    @Test
    void unsatisfiableAndOverflowingRangesAre416ProblemsWithTheSize() throws Exception {
        byte[] bytes = Files.pdfLike(5000, 21);
        String id = json(upload(mvc, Users.kirSchool1(), material("Диапазоны", "r.pdf", bytes))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        for (String range : new String[] {"bytes=999999999999999999999-", "bytes=5000-",
                "bytes=999999999999999999999-999999999999999999999", "bytes=-0"}) {
            var result = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                            .header("Range", range))
                    .andExpect(status().isRequestedRangeNotSatisfiable())
                    .andExpect(header().string("Content-Range", "bytes */5000"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(416))
                    .andReturn();
            assertThat(json(result, "$.detail")).as(range).containsPattern("\\p{IsCyrillic}");
        }
        var whole = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                        .header("Range", "bytes=-999999999999999999999"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-4999/5000")).andReturn();
        assertThat(whole.getResponse().getContentAsByteArray()).isEqualTo(bytes);
        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                .header("Range", "bytes=4990-999999999999999999999"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 4990-4999/5000"));
    }
}
