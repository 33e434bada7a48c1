package ru.school500.documentservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.MultipartBody;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Http;
import ru.school500.documentservice.support.OpenApi;
import ru.school500.documentservice.support.RunningService;

/**
 * Generated strings (NUL, bidi controls, surrogate pairs, huge ones) and numbers (beyond double and long,
 * exponents, fractions) and dates (beyond PostgreSQL's range) sent to every JSON write endpoint of the
 * OpenAPI document and to the multipart upload: no answer is a 5xx, and every refusal is problem+json.
 */
class JsonWritePropertiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningService service;
    private static OpenApi api;
    private static List<OpenApi.Operation> writes;
    private static Map<String, String> ids;

    @BeforeContainer
    static void start() {
        service = RunningService.get();
        api = OpenApi.of(service);
        writes = api.operations().stream().filter(op -> op.jsonBody() != null).toList();
        String practice = """
                {"title": "Практика для свойств", "authors": ["Автор"], "direction": "MENTORING",
                 "educationLevel": "BASIC_GENERAL", "description": "Описание"}""";
        String practiceId = JsonPath.read(json("POST", "/api/documents/practices", Users.KIR_SCHOOL1, practice)
                .body(), "$.id");
        String reviewedId = JsonPath.read(json("POST", "/api/documents/practices", Users.KIR_SCHOOL1, practice)
                .body(), "$.id");
        json("POST", "/api/documents/practices/" + reviewedId + "/submit", Users.KIR_SCHOOL1, null);
        json("POST", "/api/documents/practices/" + reviewedId + "/review", Users.KIR_OPERATOR, null);
        String materialId = JsonPath.read(upload(Users.KIR_SCHOOL1, MultipartBody.create()
                .field("type", "SCHOOL_MATERIAL").field("title", "Материал").field("kind", "REPORT")
                .file("m.pdf", Files.pdfLike(1000, 41))).body(), "$.id");
        String orderId = JsonPath.read(upload(Users.KIR_MINISTRY, MultipartBody.create().field("type", "ORDER")
                .field("title", "Распоряжение").field("orderNumber", "1").field("orderDate", "2022-02-01")
                .file("o.pdf", Files.pdfLike(1000, 42))).body(), "$.id");
        ids = Map.of("practice", practiceId, "reviewed", reviewedId, "material", materialId, "order", orderId);
        assertThat(writes).as("JSON write endpoints in the OpenAPI document").hasSizeGreaterThanOrEqualTo(6);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void noJsonWriteAnswersA5xx(@ForAll("writes") OpenApi.Operation op, @ForAll("texts") List<String> texts,
            @ForAll("numbers") List<String> numbers, @ForAll("dates") List<String> dates) {
        Users.TestUser user = op.path().matches(".*/(review|publish|return|reject)$") ? Users.KIR_OPERATOR
                : op.path().startsWith("/api/documents/{") && dates.size() % 2 == 0 ? Users.KIR_MINISTRY
                        : Users.KIR_SCHOOL1;
        String target = op.path();
        if (target.startsWith("/api/documents/practices/{id}")) {
            target = target.replace("{id}", target.matches(".*/(publish|return|reject)$") ? ids.get("reviewed")
                    : ids.get("practice"));
        }
        target = target.replace("{id}", user == Users.KIR_MINISTRY ? ids.get("order") : ids.get("material"));
        String body = render(op.jsonBody(), new Values(texts, numbers, dates));
        HttpResponse<String> response = json(op.method(), target, user, body);
        assertNoServerError(op + " " + body.substring(0, Math.min(body.length(), 300)), response);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void noUploadAnswersA5xxAndStoredNamesHoldNoControls(@ForAll("texts") List<String> texts,
            @ForAll("dates") List<String> dates) {
        Values values = new Values(texts, List.of("1"), dates);
        boolean order = texts.size() % 2 == 0;
        MultipartBody form = order
                ? MultipartBody.create().field("type", "ORDER").field("title", values.text())
                        .field("orderNumber", values.text()).field("orderDate", values.date())
                        .field("authority", values.text())
                : MultipartBody.create().field("type", "SCHOOL_MATERIAL").field("title", values.text())
                        .field("kind", "REPORT").field("riskFactors", values.text());
        form.file(values.text().replace("\"", "").replace("\r", "").replace("\n", ""), Files.pdfLike(600, 43));
        HttpResponse<String> response = upload(order ? Users.KIR_MINISTRY : Users.KIR_SCHOOL1, form);
        assertNoServerError("upload", response);
        if (response.statusCode() == 201) {
            String name = JsonPath.read(response.body(), "$.fileName");
            assertThat(name).doesNotContainPattern("[\\p{Cntrl}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C]");
        }
    }

    @Provide
    Arbitrary<OpenApi.Operation> writes() {
        return Arbitraries.of(writes);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> controls = Arbitraries.of("\u0000", "\u202E", "\u202A", "\u2066", "\u2069", "\u200F",
                "\u061C", "\uFEFF", "\u0007", "\r\n", "\uD83D\uDE00", "\uDBFF\uDFFF", "ё", "\"", "\\", "%00");
        Arbitrary<String> mixed = Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
        Arbitrary<String> withControl = Arbitraries.strings().withCharRange('а', 'я').ofMaxLength(10)
                .flatMap(text -> controls.map(control -> text + control + text));
        Arbitrary<String> huge = Arbitraries.integers().between(5_000, 150_000).map(n -> "ы".repeat(n));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, withControl), net.jqwik.api.Tuple.of(3, mixed),
                        net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, Arbitraries.of("Название", " ")))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809",
                        "2147483648", "-2147483649", "0.5", "-0", "1E+2", "100", "0", "101", "-1",
                        "123456789012345678901234567890"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "1e308"),
                Arbitraries.longs().map(String::valueOf))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01", "2024-02-30",
                        "2022-13-01", "2022-02-01", "5874898-01-01", "1-01-01"),
                Arbitraries.integers().between(-5_000_000, 6_000_000).map(year -> java.time.LocalDate.of(2000, 1, 1)
                        .withYear(year).toString()))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /** Hands out the generated values in turn, field by field. */
    private static final class Values {
        private final Iterator<String> texts;
        private final Iterator<String> numbers;
        private final Iterator<String> dates;

        Values(List<String> texts, List<String> numbers, List<String> dates) {
            this.texts = cycle(texts);
            this.numbers = cycle(numbers);
            this.dates = cycle(dates);
        }

        String text() {
            return texts.next();
        }

        String number() {
            return numbers.next();
        }

        String date() {
            return dates.next();
        }

        private static Iterator<String> cycle(List<String> values) {
            return java.util.stream.Stream.generate(() -> values).flatMap(List::stream).iterator();
        }
    }

    /** A body shaped by the schema, the generated values in its leaves (numbers written as raw literals). */
    private static String render(JsonNode schema, Values values) {
        StringBuilder out = new StringBuilder();
        write(api.resolve(schema), values, out);
        return out.toString();
    }

    private static void write(JsonNode schema, Values values, StringBuilder out) {
        String type = schema.path("type").asString();
        if (schema.has("enum")) {
            ArrayNode options = (ArrayNode) schema.get("enum");
            out.append(quote(options.get(Math.abs(values.number().hashCode()) % options.size()).asString()));
            return;
        }
        switch (type) {
            case "object" -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> property : ((ObjectNode) schema.path("properties")).properties()) {
                    out.append(first ? "" : ",").append(quote(property.getKey())).append(':');
                    write(api.resolve(property.getValue()), values, out);
                    first = false;
                }
                out.append('}');
            }
            case "array" -> {
                out.append('[');
                write(api.resolve(schema.path("items")), values, out);
                out.append(']');
            }
            case "integer", "number" -> out.append(values.number());
            case "boolean" -> out.append("true");
            default -> {
                String format = schema.path("format").asString();
                out.append(quote(switch (format) {
                    case "date", "date-time" -> values.date();
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> values.text();
                }));
            }
        }
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static void assertNoServerError(String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(what + " → " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
        }
    }

    private static HttpResponse<String> json(String method, String path, Users.TestUser user, String body) {
        return Http.send(Http.request(service.url(path)).header("Authorization", service.bearer(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> upload(Users.TestUser user, MultipartBody form) {
        return Http.send(Http.request(service.url("/api/documents")).header("Authorization", service.bearer(user))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }
}
