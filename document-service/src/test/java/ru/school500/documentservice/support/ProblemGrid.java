package ru.school500.documentservice.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401/403/404/503 grid of docs/conventions.md ({@code contract/grid}, the same bytes in every service): its
 * rows, and the check of one answer against a row. A service's {@code web/ProblemGridIT} gives the request for
 * each case on its own endpoints; {@link #tests} fails on a row the service does not answer.
 */
public final class ProblemGrid {

    public static final String RESOURCE = "/contract/grid";

    /** One row: the case, the status, whether a {@code WWW-Authenticate: Bearer} challenge is required. */
    public record Row(String name, int status, boolean bearerChallenge, String description) {
    }

    private ProblemGrid() {
    }

    public static byte[] bytes() {
        try (InputStream in = ProblemGrid.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of document-service's copy, which the other services' copies must equal. */
    public static byte[] documentServiceCopy() throws IOException {
        return Files.readAllBytes(Path.of("../document-service/src/test/resources" + RESOURCE));
    }

    public static List<Row> rows() {
        return new String(bytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split("\\|", 4)).map(String::strip).toList())
                .map(cells -> new Row(cells.get(0), Integer.parseInt(cells.get(1)), cells.get(2).equals("Bearer"),
                        cells.get(3)))
                .toList();
    }

    /** One dynamic test per row, in the file's order, each sending the service's request for that case. */
    public static Stream<DynamicTest> tests(Map<String, Callable<MockHttpServletResponse>> requests) {
        List<Row> rows = rows();
        assertThat(requests.keySet()).as("the cases this service answers")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::name).toList());
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.name() + ": " + row.description() + " → "
                + row.status(), () -> check(row, requests.get(row.name()).call())));
    }

    public static void check(Row row, MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).as(row.name()).isEqualTo(row.status());
        if (row.bearerChallenge()) {
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(row.name()).startsWith("Bearer");
        }
        if (row.status() < 400) {
            return;
        }
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(
                MediaType.APPLICATION_PROBLEM_JSON)).as(row.name() + ": " + response.getContentType()).isTrue();
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).as(row.name()).isEqualTo(row.status());
        assertThat(problem.path("detail").asString()).as(row.name() + ": a Russian detail")
                .containsPattern("\\p{IsCyrillic}").doesNotContain("Exception");
    }

    /** Requests in the order they are added (the map {@link #tests} takes). */
    public static Map<String, Callable<MockHttpServletResponse>> requests() {
        return new LinkedHashMap<>();
    }
}
