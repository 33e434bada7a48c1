package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.DeadlineKind;
import ru.school500.roadmapservice.roadmap.Period;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.roadmap.RoadmapView.ItemView;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/roadmaps/import} without {@code dryRun}, end to end inside the service: real PostgreSQL,
 * the real importer on the Kirov fixture, and a local HTTP server standing in for document-service
 * ({@link DocumentServiceStub}) that records what reached it.
 */
class OrderImportIT extends IntegrationTest {

    private static final DocumentServiceStub DOCUMENTS = DocumentServiceStub.start();
    private static final String FILE_NAME = Fixtures.KIROV + ".txt";

    @DynamicPropertySource
    static void documentService(DynamicPropertyRegistry registry) {
        registry.add("platform.services.document", DOCUMENTS::url);
    }

    @AfterAll
    static void stopDocumentService() {
        DOCUMENTS.close();
    }

    @Autowired
    JsonMapper json;

    @BeforeEach
    void resetDocumentService() {
        DOCUMENTS.reset();
    }

    private ResultActions importKirov(String user, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/roadmaps/import")
                .file(new MockMultipartFile("file", FILE_NAME, "text/plain", Fixtures.order(Fixtures.KIROV)))
                .param("dryRun", String.valueOf(dryRun))
                .with(Users.named(user)));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void importOfTheKirovOrderStoresTheSourceFileAndADraftEqualToThePreview() throws Exception {
        RoadmapPreview preview = json.readValue(importKirov("kir-operator", true).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), RoadmapPreview.class);
        assertThat(DOCUMENTS.received()).as("a dry run stores nothing").isEmpty();

        MvcResult created = importKirov("kir-operator", false)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern(".*/api/roadmaps/[0-9a-f-]{36}")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.roadmap.status").value("DRAFT"))
                .andExpect(jsonPath("$.warnings.length()").value(preview.warnings().size()))
                .andReturn();
        JsonNode answer = json.readTree(created.getResponse().getContentAsByteArray());
        UUID roadmapId = UUID.fromString(answer.path("roadmap").path("id").asString());
        UUID documentId = UUID.fromString(answer.path("sourceDocument").path("id").asString());
        assertThat(DOCUMENTS.storedIds()).containsExactly(documentId.toString());
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/roadmaps/" + roadmapId);

        // what reached document-service: one ORDER upload with the caller's token and the file as uploaded
        assertThat(DOCUMENTS.uploads()).hasSize(1);
        DocumentServiceStub.Received upload = DOCUMENTS.uploads().getFirst();
        assertThat(upload.header("Authorization")).isEqualTo("Bearer token-of-kir-operator");
        Map<String, DocumentServiceStub.Part> form = upload.parts();
        assertThat(form.get("type").text()).isEqualTo("ORDER");
        assertThat(form.get("title").text()).isEqualTo(preview.order().title());
        assertThat(form.get("region").text()).isEqualTo("43");
        assertThat(form.get("orderNumber").text()).isEqualTo("324");
        assertThat(form.get("orderDate").text()).isEqualTo("2022-03-16");
        assertThat(form.get("authority").text()).isEqualTo("Министерство образования Кировской области");
        assertThat(form.get("file").fileName()).isEqualTo(FILE_NAME);
        assertThat(form.get("file").content()).isEqualTo(Fixtures.order(Fixtures.KIROV));
        assertThat(answer.path("sourceDocument").path("sha256").asString())
                .isEqualTo(DocumentServiceStub.sha256(Fixtures.order(Fixtures.KIROV)));
        assertThat(DOCUMENTS.deletes()).isEmpty();

        // what is stored here: one DRAFT linked to the document, with the preview's items
        assertThat(jdbc.sql("select status from roadmap where id = ?").param(roadmapId).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("select order_document_id from roadmap where id = ?").param(roadmapId).query(UUID.class)
                .single()).isEqualTo(documentId);
        assertThat(count("roadmap_item")).isEqualTo(31);
        assertThat(count("outbox")).isEqualTo(1);

        RoadmapView stored = json.readValue(mvc.perform(get("/api/roadmaps/{id}", roadmapId)
                .with(Users.kirOperator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), RoadmapView.class);
        assertThat(stored.approvingOrder().documentId()).isEqualTo(documentId);
        assertThat(stored.approvingOrder().number()).isEqualTo("324");
        assertThat(stored.approvingOrder().date()).isEqualTo(preview.order().date());
        assertThat(stored.approvingOrder().signatory()).isEqualTo("О.Н. Рысева");
        assertThat(stored.repealedOrders()).extracting(r -> r.number()).containsExactly("384", "620", "1234");
        assertThat(stored.columnHeadings())
                .containsExactlyElementsOf(preview.columns().stream().map(RoadmapPreview.Column::heading).toList());
        assertThat(stored.year()).isEqualTo(2022);
        assertThat(stored.sections()).extracting(RoadmapView.SectionView::number)
                .containsExactlyElementsOf(preview.sections().stream().map(RoadmapPreview.Section::number).toList());
        assertItemsEqualThePreview(stored, preview);
    }

    private static void assertItemsEqualThePreview(RoadmapView stored, RoadmapPreview preview) {
        Map<String, String> organisations = preview.organisations().stream()
                .collect(Collectors.toMap(RoadmapPreview.Organisation::id, RoadmapPreview.Organisation::name));
        List<RoadmapPreview.Item> expected = preview.sections().stream().flatMap(s -> s.items().stream()).toList();
        List<ItemView> items = stored.sections().stream().flatMap(s -> s.items().stream()).toList();
        assertThat(items).hasSize(31).hasSameSizeAs(expected);
        for (int i = 0; i < items.size(); i++) {
            RoadmapPreview.Item want = expected.get(i);
            ItemView got = items.get(i);
            assertThat(got.number()).isEqualTo(want.number());
            assertThat(got.task()).isEqualTo(want.text());
            assertThat(got.deadline().text()).isEqualTo(want.deadline().raw());
            boolean openStart = want.deadline().kind() == ParsedDeadline.Kind.DEADLINE;
            assertThat(got.deadline().periods()).as("periods of %s", want.number()).containsExactlyElementsOf(
                    want.deadline().periods().stream()
                            .map(p -> new Period(openStart ? null : p.start(), p.end())).toList());
            if (want.deadline().kind() == ParsedDeadline.Kind.SEVERAL) {
                assertThat(got.deadline().kind()).isEqualTo(DeadlineKind.RECURRING);
            } else if (!openStart) {
                assertThat(got.deadline().kind().name()).isEqualTo(want.deadline().kind().name());
            }
            assertThat(got.executorsText()).isEqualTo(want.executorsText());
            assertThat(got.executors()).extracting(RoadmapView.ExecutorView::fullName).containsExactlyElementsOf(
                    want.executors().stream().map(e -> organisations.get(e.organisation())).toList());
            assertThat(got.indicatorText()).isEqualTo(want.indicator());
            assertThat(got.informationText()).isEqualTo(want.information());
            assertThat(got.links()).isEqualTo(want.links());
        }
    }

    @Test
    void importAnswers503AndStoresNothingWhenTheDocumentStoreIsUnavailable() throws Exception {
        DOCUMENTS.answerUploadsWith(503, "Хранилище файлов недоступно.");
        importKirov("kir-operator", false)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DOCUMENT_SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value(containsString("дорожная карта не создана")));
        assertThat(DOCUMENTS.uploads()).hasSize(1);
        assertThat(count("roadmap")).isZero();
        assertThat(count("organisation")).isZero();
        assertThat(count("outbox")).isZero();
    }

    @Test
    void importPassesOnTheDocumentStoresRefusalAndStoresNothing() throws Exception {
        DOCUMENTS.answerUploadsWith(403, "Загружать распоряжения может только министерство или оператор региона.");
        importKirov("kir-operator", false)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DOCUMENT_SERVICE_REJECTED"))
                .andExpect(jsonPath("$.documentServiceStatus").value(403))
                .andExpect(jsonPath("$.detail").value(containsString("может только министерство или оператор")));
        assertThat(count("roadmap")).isZero();
    }

    @Test
    void importByAnotherRoleThanTheRegionalOperatorIsForbiddenAndNeverCallsTheDocumentStore() throws Exception {
        importKirov("kir-ministry", false)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        importKirov("kir-municipal", false).andExpect(status().isForbidden());
        assertThat(DOCUMENTS.received()).isEmpty();
        assertThat(count("roadmap")).isZero();
    }

    @Test
    void storedSourceDocumentIsDeletedAgainWhenTheRoadmapCannotBeSaved() throws Exception {
        jdbc.sql("""
                create function refuse_roadmap() returns trigger language plpgsql as $$
                begin raise exception 'roadmap refused by the test'; end $$""").update();
        jdbc.sql("create trigger refuse_roadmap before insert on roadmap for each row execute function refuse_roadmap()")
                .update();
        try {
            importKirov("kir-operator", false).andExpect(status().is5xxServerError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            jdbc.sql("drop trigger refuse_roadmap on roadmap").update();
            jdbc.sql("drop function refuse_roadmap()").update();
        }
        assertThat(DOCUMENTS.uploads()).hasSize(1);
        assertThat(DOCUMENTS.deletes()).hasSize(1);
        DocumentServiceStub.Received delete = DOCUMENTS.deletes().getFirst();
        assertThat(delete.path()).isEqualTo("/api/documents/" + DOCUMENTS.storedIds().getFirst());
        assertThat(delete.header("Authorization")).isEqualTo("Bearer token-of-kir-operator");
        assertThat(count("roadmap")).isZero();
        assertThat(count("organisation")).isZero();
        assertThat(count("outbox")).isZero();
    }
}
