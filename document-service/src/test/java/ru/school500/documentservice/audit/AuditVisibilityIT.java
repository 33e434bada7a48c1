package ru.school500.documentservice.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.upload;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.MultipartBody;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;

/** The audit log shows an entry only to those who may read the object it describes. */
class AuditVisibilityIT extends IntegrationTest {

    @Test
    void aDraftPracticeAndItsFilesStayOutOfTheOperatorsAuditLogUntilSubmitted() throws Exception {
        String practiceId = json(mvc.perform(post("/api/documents/practices").with(Users.kirSchool1())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Черновик практики", "authors": ["Петрова А. В."], "direction": "MENTORING",
                         "educationLevel": "BASIC_GENERAL", "description": "Описание"}"""))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        String fileId = json(upload(mvc, Users.kirSchool1(), MultipartBody.create().field("type", "PRACTICE_FILE")
                .field("practiceId", practiceId).field("title", "Секретное положение")
                .file("Положение-черновик.docx", Files.docx("Положение"))).andExpect(status().isCreated())
                .andReturn(), "$.id");

        mvc.perform(get("/api/documents/{id}", fileId).with(Users.kirOperator())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/audit").param("entityId", fileId).with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.events.length()").value(0));
        mvc.perform(get("/api/documents/audit").param("entityId", practiceId).with(Users.kirOperator()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/documents/audit").param("size", "500").with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[?(@.entityId == '" + fileId + "')]").isEmpty())
                .andExpect(jsonPath("$.events[?(@.entityId == '" + practiceId + "')]").isEmpty())
                .andExpect(jsonPath("$.events[?(@.details =~ /.*Секретное положение.*/)]").isEmpty());

        mvc.perform(post("/api/documents/practices/{id}/submit", practiceId).with(Users.kirSchool1()))
                .andExpect(status().isOk());

        mvc.perform(get("/api/documents/{id}", fileId).with(Users.kirOperator())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/audit").param("entityId", fileId).with(Users.kirOperator()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.events[0].action").value("UPLOAD"));
        mvc.perform(get("/api/documents/audit").param("entityId", practiceId).with(Users.kirOperator()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.events[0].action").value("PRACTICE_SUBMIT"));
    }
}
