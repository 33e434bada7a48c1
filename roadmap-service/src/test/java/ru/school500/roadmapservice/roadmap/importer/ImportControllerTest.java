package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import ru.school500.roadmapservice.roadmap.RoadmapLevel;
import ru.school500.roadmapservice.roadmap.RoadmapStatus;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.Users;

/**
 * {@code POST /api/roadmaps/import} with the service's real security configuration and Keycloak-shaped
 * tokens: who may import where, the dry-run preview, a Russian problem+json 4xx for every bad file, and the
 * hand-over of a saved import to {@link OrderImport} (stored for real in {@code OrderImportIT}).
 */
@WebMvcTest(controllers = ImportController.class)
@Import({RoadmapImporter.class, ImportControllerTest.Config.class})
@TestPropertySource(properties = "platform.importer.max-file-size=1MB")
class ImportControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties(ImporterProperties.class)
    @ComponentScan("ru.school500.roadmapservice.security")
    static class Config {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    OrderImport orders;

    static final RequestPostProcessor KIROV_OPERATOR = Users.kirOperator();

    private ResultActions upload(byte[] bytes, RequestPostProcessor who, String... params) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/roadmaps/import")
                .file(new MockMultipartFile("file", "order.bin", MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes))
                .param("dryRun", "true");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request);
    }

    private static void refused(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(containsString(" ")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern("(?s).*[а-яА-Я].*")));
    }

    @Test
    void regionalOperatorGetsThePreviewOfTheirRegionsOrderWithoutStoringIt() throws Exception {
        upload(Fixtures.order(Fixtures.KIROV), KIROV_OPERATOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.order.number").value("324"))
                .andExpect(jsonPath("$.order.repeals.length()").value(3))
                .andExpect(jsonPath("$.itemCount").value(31))
                .andExpect(jsonPath("$.sections[4].items[3].number").value("5.4"))
                .andExpect(jsonPath("$.sections[0].items[0].deadline.periods[0].end").value("2021-12-23"))
                .andExpect(jsonPath("$.organisations[0].name").value("Министерство образования Кировской области"));
    }

    @Test
    void regionParameterOfTheCallersOwnRegionIsAccepted() throws Exception {
        upload(Fixtures.order(Fixtures.IRKUTSK), Users.irkOperator(), "region", "38")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemCount").value(74))
                .andExpect(jsonPath("$.warnings[0].code").value("ORDER_CONTRADICTION"));
    }

    @Test
    void importWithoutDryRunSavesThroughOrderImportAndAnswers201WithLocation() throws Exception {
        UUID id = UUID.randomUUID();
        RoadmapView roadmap = new RoadmapView(id, "43", null, RoadmapLevel.REGIONAL, "Дорожная карта", 2022, null,
                null, RoadmapStatus.DRAFT, 1, null, null, 0, null, List.of(), List.of(), List.of(), "kir-operator",
                null, "kir-operator", null, null, null);
        when(orders.save(any(), any(), eq("43"), eq("order.txt"), any(), any(), eq("token-of-kir-operator")))
                .thenReturn(new ImportedRoadmap(roadmap, List.of(), new ImportedRoadmap.SourceFile(UUID.randomUUID(),
                        1, "ab")));
        mvc.perform(multipart("/api/roadmaps/import")
                        .file(new MockMultipartFile("file", "order.txt", "text/plain", Fixtures.order(Fixtures.KIROV)))
                        .with(KIROV_OPERATOR))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/roadmaps/" + id))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.roadmap.status").value("DRAFT"));
    }

    @Test
    void levelAndMunicipalityTheOperatorSetsReachTheSave() throws Exception {
        when(orders.save(any(), any(), any(), any(), any(), any(), any())).thenReturn(new ImportedRoadmap(
                new RoadmapView(UUID.randomUUID(), "43", "43-01", RoadmapLevel.MUNICIPAL, "Дорожная карта", 2022, null,
                        null, RoadmapStatus.DRAFT, 1, null, null, 0, null, List.of(), List.of(), List.of(),
                        "kir-operator", null, "kir-operator", null, null, null),
                List.of(), new ImportedRoadmap.SourceFile(UUID.randomUUID(), 1, "ab")));

        mvc.perform(multipart("/api/roadmaps/import")
                        .file(new MockMultipartFile("file", "order.txt", "text/plain", Fixtures.order(Fixtures.KIROV)))
                        .param("level", "MUNICIPAL").param("municipality", "43-01")
                        .with(KIROV_OPERATOR))
                .andExpect(status().isCreated());

        verify(orders).save(any(), eq(new DraftFromPreview.Choices(RoadmapPreview.Level.MUNICIPAL, "43-01")), eq("43"),
                eq("order.txt"), any(), any(), eq("token-of-kir-operator"));
    }

    @Test
    void importRejectsAMunicipalityCodeThatIsNoCode() throws Exception {
        refused(upload(Fixtures.order(Fixtures.KIROV), KIROV_OPERATOR, "municipality", "43-01; drop table"), 400,
                "INVALID_CHOICE");
        verifyNoInteractions(orders);
    }

    @Test
    void importWithoutDryRunByTheMinistryNeverReachesTheStore() throws Exception {
        mvc.perform(multipart("/api/roadmaps/import")
                        .file(new MockMultipartFile("file", "order.txt", "text/plain", Fixtures.order(Fixtures.KIROV)))
                        .with(Users.kirMinistry()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(orders);
    }

    @Test
    void importRejectsAnonymousCallers() throws Exception {
        upload(Fixtures.order(Fixtures.KIROV), null)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
    }

    @Test
    void importRejectsFederalAnalyst() throws Exception {
        upload(Fixtures.order(Fixtures.KIROV), Users.fedAnalyst())
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void importRejectsAnotherRegion() throws Exception {
        upload(Fixtures.order(Fixtures.IRKUTSK), KIROV_OPERATOR, "region", "38")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void importRejectsSchoolAndMinistryUsers() throws Exception {
        upload(Fixtures.order(Fixtures.KIROV), Users.kirMinistry())
                .andExpect(status().isForbidden());
        upload(Fixtures.order(Fixtures.KIROV), Users.kirSchool1()).andExpect(status().isForbidden());
    }

    @Test
    void importRejectsEmptyFile() throws Exception {
        refused(upload(new byte[0], KIROV_OPERATOR), 400, "EMPTY_FILE");
    }

    @Test
    void importRejectsRequestWithoutFile() throws Exception {
        mvc.perform(multipart("/api/roadmaps/import").param("dryRun", "true").with(KIROV_OPERATOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NO_FILE"));
    }

    @Test
    void importRejectsBinaryThatIsNoDocument() throws Exception {
        refused(upload(BadFiles.binary(), KIROV_OPERATOR), 415, "UNSUPPORTED_FORMAT");
    }

    @Test
    void importRejectsEncryptedPdf() throws Exception {
        refused(upload(BadFiles.encryptedPdf(), KIROV_OPERATOR), 422, "ENCRYPTED");
    }

    @Test
    void importRejectsScanWithoutTextLayer() throws Exception {
        refused(upload(BadFiles.scannedPdf(), KIROV_OPERATOR), 422, "NO_TEXT_LAYER");
    }

    @Test
    void importRejectsDocxZipBomb() throws Exception {
        refused(upload(BadFiles.zipBombDocx(), KIROV_OPERATOR), 422, "UNSAFE_ARCHIVE");
    }

    @Test
    void importRejectsDocxWithExternalEntity() throws Exception {
        ResultActions result = upload(BadFiles.externalEntityDocx(), KIROV_OPERATOR);
        refused(result, 422, "UNSAFE_XML");
        result.andExpect(content().string(not(containsString("root:"))));
    }

    @Test
    void importRejectsOrderWithoutRoadmapTable() throws Exception {
        refused(upload(BadFiles.orderWithoutAnnex(), KIROV_OPERATOR), 422, "NO_ROADMAP_TABLE");
    }

    @Test
    void importRejectsFileOverTheConfiguredLimit() throws Exception {
        byte[] large = "Распоряжение\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        refused(upload(large, KIROV_OPERATOR), 413, "TOO_LARGE");
    }

    /** Every committed input of {@link OrderFileFuzzTest} (seeds of every format and findings), as an upload. */
    @Test
    void everyFuzzCorpusFileIsAPreviewOrAProblemNeverAServerError() throws Exception {
        java.nio.file.Path inputs = java.nio.file.Path.of(getClass().getResource("OrderFileFuzzTestInputs").toURI());
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(inputs)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);

        for (java.nio.file.Path file : files) {
            var response = upload(java.nio.file.Files.readAllBytes(file), KIROV_OPERATOR).andReturn().getResponse();

            assertThat(response.getStatus()).as(inputs.relativize(file).toString()).isIn(200, 400, 413, 415, 422);
            if (response.getStatus() != 200) {
                assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        }
    }
}
