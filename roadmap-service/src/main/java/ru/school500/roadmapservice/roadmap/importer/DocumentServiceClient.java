package ru.school500.roadmapservice.roadmap.importer;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SourceDocumentStore} on document-service's REST API: {@code POST /api/documents} (multipart, type
 * {@code ORDER}) and {@code DELETE /api/documents/{id}}, both with the caller's bearer token. The client is
 * built here ({@code RestClient.Builder} is not auto-configured in this service): connect timeout 2 s, so a
 * service that is down fails fast; read timeout 60 s, room for a 50 MB file to be stored in S3.
 */
@Component
class DocumentServiceClient implements SourceDocumentStore {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** Refusals the caller can act on (no rights, file too large or of a refused type…): passed on as they are. */
    private static final Set<Integer> PASSED_ON = Set.of(403, 409, 413, 415, 422);

    private static final Logger log = LoggerFactory.getLogger(DocumentServiceClient.class);

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    DocumentServiceClient(DocumentServiceProperties properties) {
        this(properties, ObservationRegistry.NOOP);
    }

    /**
     * With the service's observation registry the calls carry the caller's trace ({@code traceparent}), so one
     * import is one trace gateway → roadmap-service → document-service, and are timed as
     * {@code http_client_requests_seconds}.
     */
    @Autowired
    DocumentServiceClient(DocumentServiceProperties properties, ObjectProvider<ObservationRegistry> observations) {
        this(properties, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    private DocumentServiceClient(DocumentServiceProperties properties, ObservationRegistry observations) {
        // HTTP/1.1: plain-text HTTP/2 would start every connection with an h2c upgrade the services do not offer
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build());
        requests.setReadTimeout(READ_TIMEOUT);
        this.http = RestClient.builder().baseUrl(properties.document().toString()).requestFactory(requests)
                .observationRegistry(observations).build();
    }

    @Override
    public StoredDocument store(OrderFile file, String bearerToken) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", "ORDER");
        form.add("title", file.title());
        form.add("region", file.region());
        if (file.orderNumber() != null) {
            form.add("orderNumber", file.orderNumber());
        }
        if (file.orderDate() != null) {
            form.add("orderDate", file.orderDate().toString());
        }
        if (file.authority() != null) {
            form.add("authority", file.authority());
        }
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(mediaType(file.mediaType()));
        form.add("file", new HttpEntity<>(new NamedBytes(file.content(), file.fileName()), fileHeaders));
        Uploaded uploaded;
        try {
            uploaded = http.post().uri("/api/documents").headers(headers -> headers.setBearerAuth(bearerToken))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                    .retrieve().body(Uploaded.class);
        } catch (RestClientResponseException e) {
            throw answered(e);
        } catch (ResourceAccessException e) {
            log.warn("document-service not reachable: {}", e.getMessage());
            throw unavailable("Сервис документов недоступен");
        } catch (RestClientException e) {
            log.warn("unreadable answer of document-service", e);
            throw problem(HttpStatus.BAD_GATEWAY, "Непонятный ответ сервиса документов",
                    "Сервис документов ответил непонятно; сохранён ли файл распоряжения, неизвестно. "
                            + "Дорожная карта не создана.", "DOCUMENT_SERVICE_BAD_ANSWER");
        }
        if (uploaded == null || uploaded.id() == null) {
            throw problem(HttpStatus.BAD_GATEWAY, "Непонятный ответ сервиса документов",
                    "Сервис документов не вернул идентификатор сохранённого файла. Дорожная карта не создана.",
                    "DOCUMENT_SERVICE_BAD_ANSWER");
        }
        return new StoredDocument(uploaded.id(), uploaded.version(), uploaded.sha256());
    }

    @Override
    public void delete(UUID id, String bearerToken) {
        http.delete().uri("/api/documents/{id}", id).headers(headers -> headers.setBearerAuth(bearerToken))
                .retrieve().toBodilessEntity();
    }

    /** document-service answered with an error status: 5xx is "unavailable", 4xx is its refusal, explained. */
    private ErrorResponseException answered(RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        String reason = detailOf(e.getResponseBodyAsString());
        log.warn("document-service answered {} to an order upload: {}", status.value(), reason);
        if (status.is5xxServerError()) {
            ErrorResponseException unavailable = unavailable("Сервис документов не может сохранить файл");
            unavailable.getBody().setProperty("documentServiceStatus", status.value());
            return unavailable;
        }
        HttpStatusCode answer = PASSED_ON.contains(status.value()) ? status : HttpStatus.BAD_GATEWAY;
        ErrorResponseException refused = problem(answer, "Сервис документов отклонил файл распоряжения",
                "Сервис документов не сохранил файл распоряжения (HTTP " + status.value() + ")"
                        + (reason == null ? "" : ": " + reason) + ". Дорожная карта не создана.",
                "DOCUMENT_SERVICE_REJECTED");
        refused.getBody().setProperty("documentServiceStatus", status.value());
        return refused;
    }

    private static ErrorResponseException unavailable(String title) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, title,
                "Сервис документов недоступен: исходный файл распоряжения не сохранён, поэтому дорожная карта не "
                        + "создана. Повторите импорт позже.", "DOCUMENT_SERVICE_UNAVAILABLE");
    }

    /** The {@code detail} of document-service's problem+json, if the body is one. */
    private String detailOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode detail = json.readTree(body).get("detail");
            return detail != null && detail.isString() && !detail.asString().isBlank() ? detail.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static MediaType mediaType(String detected) {
        try {
            return detected == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(detected);
        } catch (InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ErrorResponseException problem(HttpStatusCode status, String title, String detail, String code) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("code", code);
        return new ErrorResponseException(status, body, null);
    }

    /** The file part's body: the form converter takes the part's file name from the resource. */
    private static final class NamedBytes extends ByteArrayResource {

        private final String fileName;

        NamedBytes(byte[] content, String fileName) {
            super(content);
            this.fileName = fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedBytes named && super.equals(other) && fileName.equals(named.fileName);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + fileName.hashCode();
        }
    }

    /** The part of document-service's answer (a whole {@code DocumentView}) the importer keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uploaded(UUID id, long version, String sha256) {
    }
}
