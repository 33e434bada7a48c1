package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import io.minio.GetObjectArgs;
import io.minio.ListMultipartUploadsArgs;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.TestServers;

class DocumentUploadIT extends IntegrationTest {

    private String objectKey(String id, int version) {
        return jdbc.sql("select object_key from document_version where document_id = ? and version = ?")
                .params(UUID.fromString(id), version).query(String.class).single();
    }

    private byte[] readFromS3(String key) throws Exception {
        try (InputStream in = s3().getObject(GetObjectArgs.builder().bucket(TestServers.BUCKET).object(key).build())) {
            return in.readAllBytes();
        }
    }

    private void assertNothingLeftBehind(Leftovers before) throws Exception {
        assertThat(leftovers()).isEqualTo(before);
        var uploads = TestServers.s3Client();
        io.minio.MinioAsyncClient async = io.minio.MinioAsyncClient.builder().endpoint(TestServers.s3().endpoint())
                .credentials(ru.school500.stack.S3Server.ACCESS_KEY, ru.school500.stack.S3Server.SECRET_KEY).build();
        var pending = async.listMultipartUploads(ListMultipartUploadsArgs.builder().bucket(TestServers.BUCKET)
                .build()).get().result().uploads();
        assertThat(pending == null ? java.util.List.of() : pending).isEmpty();
        uploads.close();
        async.close();
    }

    @Test
    void uploadStreamsToS3AndDownloadReturnsTheSameBytes() throws Exception {
        byte[] content = Files.pdfLike((int) MAX_FILE_SIZE - 17, 1);

        MvcResult result = upload(mvc, Users.kirSchool1(), material("Программа развития", "program.pdf", content))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/documents/")))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.size").value(content.length))
                .andExpect(jsonPath("$.sha256").value(Files.sha256(content)))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.fileName").value("program.pdf"))
                .andExpect(jsonPath("$.region").value("43"))
                .andExpect(jsonPath("$.school").value("43-01-001"))
                .andReturn();
        String id = json(result, "$.id");

        assertThat(Files.sha256(readFromS3(objectKey(id, 1)))).isEqualTo(Files.sha256(content));
        MvcResult download = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirCurator()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + Files.sha256(content) + "\""))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void cyrillicFileNameIsKeptForDisplayButNeverUsedAsStorageKey() throws Exception {
        String name = "Программа развития школы 2024.pdf";
        MvcResult result = upload(mvc, Users.kirSchool1(), material("Программа", name, Files.pdfLike(2000, 2)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value(name))
                .andReturn();
        String id = json(result, "$.id");

        assertThat(objectKey(id, 1)).matches("documents/[0-9a-f-]{36}");
        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(
                        "filename*=UTF-8''%D0%9F%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0%20")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"")));
    }

    @Test
    void rangeRequestsReturnPartialContent() throws Exception {
        byte[] content = Files.pdfLike(100_000, 3);
        String id = json(upload(mvc, Users.kirSchool1(), material("Отчёт", "report.pdf", content))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        MvcResult first = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                        .header("Range", "bytes=0-99"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-99/100000"))
                .andExpect(header().longValue("Content-Length", 100))
                .andReturn();
        assertThat(first.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 0, 100));

        MvcResult middle = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                        .header("Range", "bytes=50000-"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 50000-99999/100000"))
                .andReturn();
        assertThat(middle.getResponse().getContentAsByteArray())
                .isEqualTo(Arrays.copyOfRange(content, 50_000, 100_000));

        MvcResult suffix = mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                        .header("Range", "bytes=-10"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 99990-99999/100000"))
                .andReturn();
        assertThat(suffix.getResponse().getContentAsByteArray())
                .isEqualTo(Arrays.copyOfRange(content, 99_990, 100_000));

        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()).header("Range", "bytes=200000-"))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string("Content-Range", "bytes */100000"));
        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1())
                        .header("If-None-Match", "\"" + Files.sha256(content) + "\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void fileOverTheLimitIs413WhileStreamingAndLeavesNothingBehind() throws Exception {
        Leftovers before = leftovers();
        // declared length within limit + form overhead: the limit must be caught while streaming
        byte[] content = Files.pdfLike((int) MAX_FILE_SIZE + 512 * 1024, 4);

        upload(mvc, Users.kirSchool1(), material("Слишком большой", "big.pdf", content))
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("Content-Type", startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)));

        assertNothingLeftBehind(before);
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeReading() throws Exception {
        Leftovers before = leftovers();

        upload(mvc, Users.kirSchool1(), material("Слишком большой", "big.pdf",
                Files.pdfLike((int) MAX_FILE_SIZE + 2 * 1024 * 1024, 5)))
                .andExpect(status().isContentTooLarge());

        assertNothingLeftBehind(before);
    }

    @Test
    void typeOutsideTheAllowListIs415AndLeavesNothingBehind() throws Exception {
        Leftovers before = leftovers();
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';

        upload(mvc, Users.kirSchool1(), material("Программа", "program.pdf", executable))
                .andExpect(status().isUnsupportedMediaType());
        upload(mvc, Users.kirSchool1(), material("Архив", "archive.zip", zip()))
                .andExpect(status().isUnsupportedMediaType());

        assertNothingLeftBehind(before);
    }

    @Test
    void missingFieldsAfterTheFileAre400AndTheStagedObjectIsRemoved() throws Exception {
        Leftovers before = leftovers();
        MultipartBody body = MultipartBody.create().file("program.pdf", Files.pdfLike(6 * 1024 * 1024, 6))
                .field("title", "Без типа");

        upload(mvc, Users.kirSchool1(), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.type").exists());
        upload(mvc, Users.kirSchool1(), MultipartBody.create().field("type", "SCHOOL_MATERIAL")
                .file("program.pdf", Files.pdfLike(1000, 7)).field("title", "Без вида"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.kind").exists());
        upload(mvc, Users.kirSchool1(), material("Пустой", "empty.pdf", new byte[0]))
                .andExpect(status().isBadRequest());
        upload(mvc, Users.kirSchool1(), MultipartBody.create().field("type", "SCHOOL_MATERIAL"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.file").exists());

        assertNothingLeftBehind(before);
    }

    @Test
    void fieldsMayComeAfterTheFile() throws Exception {
        MultipartBody body = MultipartBody.create().file("concept.docx", Files.docx("Концепция развития"))
                .field("type", "SCHOOL_MATERIAL").field("kind", "DEVELOPMENT_CONCEPT").field("title", "Концепция")
                .field("riskFactors", "LOW_MOTIVATION,TEACHER_SHORTAGE");

        upload(mvc, Users.kirSchool1(), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DEVELOPMENT_CONCEPT"))
                .andExpect(jsonPath("$.riskFactors.length()").value(2))
                .andExpect(jsonPath("$.contentType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @Test
    void roleWithoutUploadRightsIs403AndAnotherSchoolCannotBeClaimed() throws Exception {
        Leftovers before = leftovers();

        upload(mvc, Users.fedAnalyst(), material("Чужое", "a.pdf", Files.pdfLike(1000, 8)))
                .andExpect(status().isForbidden());
        upload(mvc, Users.kirCurator(), material("Чужое", "a.pdf", Files.pdfLike(1000, 8)))
                .andExpect(status().isForbidden());
        upload(mvc, Users.kirSchool1(), material("Чужое", "a.pdf", Files.pdfLike(1000, 8)).field("school", "43-02-001"))
                .andExpect(status().isForbidden());
        upload(mvc, Users.kirMinistry(), material("Материал", "a.pdf", Files.pdfLike(1000, 8)))
                .andExpect(status().isForbidden());

        assertNothingLeftBehind(before);
    }

    @Test
    void newVersionsKeepOldOnesRetrievable() throws Exception {
        byte[] v1 = Files.pdfLike(5000, 10);
        byte[] v2 = Files.pdfLike(7000, 11);
        String id = json(upload(mvc, Users.kirSchool1(), material("Среднесрочная программа", "v1.pdf", v1))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        upload(mvc, Users.kirSchool1(), MultipartBody.create().field("documentId", id).file("v2.pdf", v2))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.sha256").value(Files.sha256(v2)));
        upload(mvc, Users.kirSchool2(), MultipartBody.create().field("documentId", id).file("v3.pdf", v2))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/documents/{id}/versions", id).with(Users.kirSchool1()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[1].fileName").value("v1.pdf"));
        assertThat(mvc.perform(get("/api/documents/{id}/versions/1/content", id).with(Users.kirSchool1()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(v1);
        assertThat(mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(v2);
        mvc.perform(get("/api/documents/{id}", id).with(Users.kirSchool1()))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void softDeleteHidesTheDocumentAndTheRegionRestoresIt() throws Exception {
        String id = json(upload(mvc, Users.kirSchool1(), material("Отчёт за год", "report.pdf",
                Files.pdfLike(3000, 12))).andExpect(status().isCreated()).andReturn(), "$.id");

        mvc.perform(delete("/api/documents/{id}", id).with(Users.kirCurator())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/documents/{id}", id).with(Users.kirSchool1()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deleted").value(true));

        mvc.perform(get("/api/documents/{id}", id).with(Users.kirCurator())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirCurator())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents").param("deleted", "true").with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == '" + id + "')]").exists());
        mvc.perform(post("/api/documents/{id}/restore", id).with(Users.irkOperator())).andExpect(status().isNotFound());
        mvc.perform(post("/api/documents/{id}/restore", id).with(Users.kirOperator()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deleted").value(false));
        mvc.perform(get("/api/documents/{id}", id).with(Users.kirCurator())).andExpect(status().isOk());

        mvc.perform(get("/api/documents/audit").param("entityId", id).with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[?(@.action == 'UPLOAD' && @.actor == 'kir-school1')]").exists())
                .andExpect(jsonPath("$.events[?(@.action == 'DELETE' && @.actor == 'kir-school1')]").exists())
                .andExpect(jsonPath("$.events[?(@.action == 'RESTORE' && @.actor == 'kir-operator')]").exists());
        mvc.perform(get("/api/documents/audit").with(Users.kirSchool1())).andExpect(status().isForbidden());
        mvc.perform(get("/api/documents/audit").param("entityId", id).with(Users.irkOperator()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void downloadsAreAudited() throws Exception {
        String id = json(upload(mvc, Users.kirSchool1(), material("Самодиагностика", "self.pdf",
                Files.pdfLike(3000, 13))).andExpect(status().isCreated()).andReturn(), "$.id");
        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirMunicipal())).andExpect(status().isOk());

        mvc.perform(get("/api/documents/audit").param("entityId", id).param("action", "DOWNLOAD")
                        .with(Users.kirOperator()))
                .andExpect(jsonPath("$.events[0].actor").value("kir-municipal"));
    }

    private static byte[] zip() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("архив".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
