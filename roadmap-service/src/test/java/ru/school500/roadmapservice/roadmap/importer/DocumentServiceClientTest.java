package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import ru.school500.roadmapservice.roadmap.importer.SourceDocumentStore.OrderFile;
import ru.school500.roadmapservice.roadmap.importer.SourceDocumentStore.StoredDocument;

/** The document-service client against a local stand-in: the form it sends and how it explains failures. */
class DocumentServiceClientTest {

    private static final DocumentServiceStub DOCUMENTS = DocumentServiceStub.start();
    private static final byte[] CONTENT = "Распоряжение № 1".getBytes(StandardCharsets.UTF_8);
    private static final OrderFile ORDER = new OrderFile("43", "Распоряжение 324.txt", "text/plain", CONTENT,
            "Об утверждении дорожной карты", "324", LocalDate.of(2022, 3, 16), "Министерство образования");

    private final DocumentServiceClient client = new DocumentServiceClient(
            new DocumentServiceProperties(URI.create(DOCUMENTS.url())));

    @AfterAll
    static void stop() {
        DOCUMENTS.close();
    }

    @BeforeEach
    void reset() {
        DOCUMENTS.reset();
    }

    @Test
    void storeSendsAnOrderFormWithTheBearerTokenAndReadsTheStoredDocument() {
        StoredDocument stored = client.store(ORDER, "abc.def");

        assertThat(stored.id().toString()).isEqualTo(DOCUMENTS.storedIds().getFirst());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.sha256()).isEqualTo(DocumentServiceStub.sha256(CONTENT));
        DocumentServiceStub.Received upload = DOCUMENTS.uploads().getFirst();
        assertThat(upload.header("Authorization")).isEqualTo("Bearer abc.def");
        var form = upload.parts();
        assertThat(form.get("type").text()).isEqualTo("ORDER");
        assertThat(form.get("title").text()).isEqualTo("Об утверждении дорожной карты");
        assertThat(form.get("orderDate").text()).isEqualTo("2022-03-16");
        assertThat(form.get("authority").text()).isEqualTo("Министерство образования");
        assertThat(form.get("file").content()).isEqualTo(CONTENT);
        assertThat(form.get("file").fileName()).as("raw UTF-8, as document-service reads it")
                .isEqualTo("Распоряжение 324.txt");
        assertThat(form.get("file").contentType()).isEqualTo("text/plain");
    }

    @Test
    void storeAnswers503WhenDocumentServiceIsNotRunning() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DocumentServiceClient down = new DocumentServiceClient(
                new DocumentServiceProperties(URI.create("http://127.0.0.1:" + closedPort)));

        ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> down.store(ORDER, "t"));

        assertThat(e.getStatusCode().value()).isEqualTo(503);
        assertThat(e.getBody().getProperties()).containsEntry("code", "DOCUMENT_SERVICE_UNAVAILABLE");
        assertThat(e.getBody().getDetail()).contains("Сервис документов недоступен");
    }

    @Test
    void storePassesOnATooLargeFileWithDocumentServicesReason() {
        DOCUMENTS.answerUploadsWith(413, "Файл больше 1 ГиБ.");

        ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> client.store(ORDER, "t"));

        assertThat(e.getStatusCode().value()).isEqualTo(413);
        assertThat(e.getBody().getDetail()).contains("Файл больше 1 ГиБ.").contains("Дорожная карта не создана");
    }

    @Test
    void storeAnswers502WhenDocumentServiceRefusesTheRequestItself() {
        DOCUMENTS.answerUploadsWith(400, "Проверьте поля: title");

        ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> client.store(ORDER, "t"));

        assertThat(e.getStatusCode().value()).isEqualTo(502);
        assertThat(e.getBody().getProperties()).containsEntry("documentServiceStatus", 400);
    }

    @Test
    void deleteRelaysTheTokenToTheDocumentsAddress() {
        StoredDocument stored = client.store(ORDER, "t");

        client.delete(stored.id(), "t");

        assertThat(DOCUMENTS.deletes()).singleElement().satisfies(delete -> {
            assertThat(delete.path()).isEqualTo("/api/documents/" + stored.id());
            assertThat(delete.header("Authorization")).isEqualTo("Bearer t");
        });
    }
}
