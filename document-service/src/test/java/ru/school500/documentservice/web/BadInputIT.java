package ru.school500.documentservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.order;
import static ru.school500.documentservice.document.Uploads.upload;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.MultipartBody;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;

/**
 * Input the database cannot store or the service cannot interpret is a 4xx problem+json in Russian, never a
 * 500 or Spring's default JSON: NUL characters, numbers and dates out of range, pages past any offset,
 * unknown sort properties. One test per class of input, over every endpoint that takes it.
 */
class BadInputIT extends IntegrationTest {

    private static final String NUL = "\u0000";

    private static final String PRACTICE = """
            {"title": "%s", "authors": ["Петрова А. В."], "direction": "MENTORING",
             "educationLevel": "BASIC_GENERAL", "description": "Описание", "results": "Итоги"}""";

    /** A Russian problem+json of status 400. */
    private static ResultMatcher russianProblem400() {
        return result -> {
            status().isBadRequest().match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
            jsonPath("$.status").value(400).match(result);
            assertThat(json(result, "$.detail")).containsPattern("\\p{IsCyrillic}");
        };
    }

    private String ownMaterial() throws Exception {
        return json(upload(mvc, Users.kirSchool1(), material("Программа", "p.pdf", Files.pdfLike(2000, 7)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private ResultActions patchDocument(String id, String body) throws Exception {
        return mvc.perform(patch("/api/documents/{id}", id).with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void nulInAnyStoredStringIsA400ProblemAndNothingIsStored() throws Exception {
        String id = ownMaterial();
        String practiceId = json(mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE.formatted("Практика")))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        patchDocument(id, "{\"title\": \"Про\\u0000грамма\"}").andExpect(russianProblem400());
        mvc.perform(post("/api/documents/{id}/comments", id).with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"замечание\\u0000\"}"))
                .andExpect(russianProblem400());
        mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE.formatted("Пр\\u0000актика")))
                .andExpect(russianProblem400());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/documents/practices/{id}", practiceId).with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE.formatted("\\u0000")))
                .andExpect(russianProblem400());
        upload(mvc, Users.kirSchool1(), material("Про" + NUL + "грамма", "p.pdf", Files.pdfLike(2000, 8)))
                .andExpect(russianProblem400());
        upload(mvc, Users.kirSchool1(), material("Программа", "p" + NUL + ".pdf", Files.pdfLike(2000, 13)))
                .andExpect(russianProblem400()).andExpect(jsonPath("$.fields.file").exists());
        upload(mvc, Users.kirMinistry(), MultipartBody.create().field("type", "ORDER").field("title", "Распоряжение")
                .field("orderNumber", "1" + NUL).field("orderDate", "2022-02-01").file("o.pdf", Files.pdfLike(900, 9)))
                .andExpect(russianProblem400());
        mvc.perform(get("/api/documents").param("q", "про" + NUL).with(Users.kirSchool1()))
                .andExpect(russianProblem400());
        mvc.perform(get("/api/documents/practices").param("q", NUL)).andExpect(russianProblem400());

        mvc.perform(get("/api/documents/{id}", id).with(Users.kirSchool1())).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Программа"));
        mvc.perform(get("/api/documents/{id}/comments", id).with(Users.kirSchool1()))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void bidiAndControlCharactersAreStrippedFromStoredFileNames() throws Exception {
        String evil = "Отчёт\u202Efdp.exe\u0007\u200F\u2066\u2069\u202A\u200E\u061C.pdf";
        upload(mvc, Users.kirSchool1(), material("Отчёт", evil, Files.pdfLike(2000, 10)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("Отчётfdp.exe.pdf"));
    }

    @Test
    void numbersAndDatesTheDatabaseCannotHoldAre400Problems() throws Exception {
        String orderId = json(upload(mvc, Users.kirMinistry(), order("77-big", "o.pdf", Files.pdfLike(900, 11)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "+10000-01-01"}) {
            mvc.perform(patch("/api/documents/{id}", orderId).with(Users.kirMinistry())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"orderDate\": \"" + date + "\"}"))
                    .andExpect(russianProblem400());
            upload(mvc, Users.kirMinistry(), MultipartBody.create().field("type", "ORDER").field("title", "Р")
                    .field("orderNumber", "1").field("orderDate", date).file("o.pdf", Files.pdfLike(900, 12)))
                    .andExpect(russianProblem400());
        }
        String practiceId = json(mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE.formatted("Числа")))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        mvc.perform(post("/api/documents/practices/{id}/submit", practiceId).with(Users.kirSchool1()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/documents/practices/{id}/review", practiceId).with(Users.kirOperator()))
                .andExpect(status().isOk());
        for (String score : new String[] {"1e400", "-1e400", "9223372036854775808", "2147483648", "\"1e400\""}) {
            mvc.perform(post("/api/documents/practices/{id}/publish", practiceId).with(Users.kirOperator())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"conclusion\": \"Рекомендовать\", \"score\": " + score + "}"))
                    .andExpect(russianProblem400());
        }
        mvc.perform(get("/api/documents/{id}", orderId).with(Users.kirMinistry()))
                .andExpect(jsonPath("$.order.date").value("2022-02-01"));
    }

    @Test
    void pagesPastAnyOffsetAre400ProblemsAndPagesPastTheEndAreEmpty() throws Exception {
        mvc.perform(get("/api/documents").param("page", "2147483647").with(Users.kirSchool1()))
                .andExpect(russianProblem400());
        mvc.perform(get("/api/documents/practices").param("page", "2147483647").param("size", "100"))
                .andExpect(russianProblem400());
        mvc.perform(get("/api/documents/audit").param("page", "2147483647").param("size", "500")
                .with(Users.kirOperator())).andExpect(russianProblem400());
        mvc.perform(get("/api/documents").param("page", "2147483647").param("size", "1").with(Users.kirSchool1()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(0));
        mvc.perform(get("/api/documents/practices").param("page", "100000")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(0));
    }

    @Test
    void unknownSortPropertiesAre400Problems() throws Exception {
        mvc.perform(get("/api/documents").param("sort", "foo").with(Users.kirSchool1()))
                .andExpect(russianProblem400()).andExpect(jsonPath("$.fields.sort").exists());
        mvc.perform(get("/api/documents/practices").param("sort", "foo,desc")).andExpect(russianProblem400());
        mvc.perform(get("/api/documents/practices").param("sort", "school.name")).andExpect(russianProblem400());
        mvc.perform(get("/api/documents").param("sort", "title,asc").with(Users.kirSchool1()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents/practices").param("sort", "publishedAt,desc")).andExpect(status().isOk());
    }
}
