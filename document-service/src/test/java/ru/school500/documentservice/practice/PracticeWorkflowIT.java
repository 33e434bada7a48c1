package ru.school500.documentservice.practice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.upload;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.MultipartBody;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;

class PracticeWorkflowIT extends IntegrationTest {

    private static final String PRACTICE = """
            {"title": "Наставничество молодых педагогов", "authors": ["Петрова А. В.", "Сидоров И. И."],
             "direction": "MENTORING", "educationLevel": "BASIC_GENERAL", "riskFactors": ["TEACHER_SHORTAGE"],
             "description": "Пары наставник — молодой учитель, еженедельные взаимопосещения.",
             "results": "Закрепление молодых педагогов в школе."}""";

    private String create(RequestPostProcessor school) throws Exception {
        return json(mvc.perform(post("/api/documents/practices").with(school).contentType(MediaType.APPLICATION_JSON)
                .content(PRACTICE)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.region").value("43"))
                .andExpect(jsonPath("$.directionsVersion").value(1))
                .andReturn(), "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions act(String id, String action,
            RequestPostProcessor user, String body) throws Exception {
        var request = post("/api/documents/practices/{id}/" + action, id).with(user);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    @Test
    void draftIsSubmittedReviewedAndPublishedThenVisibleToEveryone() throws Exception {
        String id = create(Users.kirSchool1());
        String fileId = json(upload(mvc, Users.kirSchool1(), MultipartBody.create().field("type", "PRACTICE_FILE")
                .field("practiceId", id).field("title", "Положение о наставничестве")
                .file("Положение.docx", Files.docx("Положение о наставничестве"))).andExpect(status().isCreated())
                .andReturn(), "$.id");

        mvc.perform(get("/api/documents/practices/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/practices/{id}", id).with(Users.kirOperator())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/practices/{id}/files/{file}/content", id, fileId))
                .andExpect(status().isNotFound());

        act(id, "review", Users.kirOperator(), null).andExpect(status().isNotFound());
        act(id, "submit", Users.kirSchool2(), null).andExpect(status().isNotFound());
        act(id, "submit", Users.kirSchool1(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        act(id, "review", Users.kirSchool1(), null).andExpect(status().isForbidden());
        act(id, "review", Users.irkOperator(), null).andExpect(status().isNotFound());
        act(id, "publish", Users.kirOperator(), "{\"conclusion\": \"Рекомендовать\", \"score\": 90}")
                .andExpect(status().isConflict());
        act(id, "review", Users.kirOperator(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        mvc.perform(put("/api/documents/practices/{id}", id).with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE)).andExpect(status().isForbidden());
        act(id, "publish", Users.kirOperator(), "{\"conclusion\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.conclusion").exists());
        act(id, "publish", Users.kirOperator(), "{\"conclusion\": \"Рекомендовать к тиражированию\", \"score\": 92}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.score").value(92));

        mvc.perform(get("/api/documents/practices/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.expertConclusion").value("Рекомендовать к тиражированию"))
                .andExpect(jsonPath("$.files[0].id").value(fileId))
                .andExpect(jsonPath("$.comments.length()").value(0));
        mvc.perform(get("/api/documents/practices/{id}", id).with(Users.irkSchool1())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/practices").param("direction", "MENTORING"))
                .andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").exists());
        mvc.perform(get("/api/documents/practices/{id}/files/{file}/content", id, fileId))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents/{file}/content", fileId)).andExpect(status().isUnauthorized());
    }

    @Test
    void returnedPracticeCarriesCommentsAndGoesBackToTheAuthor() throws Exception {
        String id = create(Users.kirSchool1());
        act(id, "submit", Users.kirSchool1(), null).andExpect(status().isOk());
        act(id, "review", Users.kirOperator(), null).andExpect(status().isOk());
        act(id, "return", Users.kirOperator(), "{}").andExpect(status().isBadRequest());
        act(id, "return", Users.kirOperator(), "{\"comment\": \"Добавьте результаты за второй год\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));

        mvc.perform(get("/api/documents/practices/{id}", id).with(Users.kirSchool1()))
                .andExpect(jsonPath("$.comments[0].text").value("Добавьте результаты за второй год"));
        mvc.perform(get("/api/documents/practices/{id}", id).with(Users.kirCurator()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents/practices/{id}", id).with(Users.irkOperator()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/practices")).andExpect(
                jsonPath("$.content[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(put("/api/documents/practices/{id}", id).with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content(PRACTICE)).andExpect(status().isOk());
        act(id, "submit", Users.kirSchool1(), null).andExpect(status().isOk());
        act(id, "review", Users.kirOperator(), null).andExpect(status().isOk());
        act(id, "reject", Users.kirOperator(), "{\"conclusion\": \"Не соответствует критериям\", \"score\": 20}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/documents/practices/{id}", id)).andExpect(status().isNotFound());
    }

    @Test
    void onlySchoolsCreatePracticesFromTheReferenceLists() throws Exception {
        mvc.perform(post("/api/documents/practices").with(Users.kirOperator()).contentType(MediaType.APPLICATION_JSON)
                .content(PRACTICE)).andExpect(status().isForbidden());
        mvc.perform(post("/api/documents/practices").contentType(MediaType.APPLICATION_JSON).content(PRACTICE))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/documents/practices").with(Users.kirSchool1()).contentType(MediaType.APPLICATION_JSON)
                .content(PRACTICE.replace("MENTORING", "ASTROLOGY"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.direction").exists());
        mvc.perform(post("/api/documents/practices").with(Users.kirSchool1()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.title").exists());
        mvc.perform(get("/api/documents/practices/directions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
    }
}
