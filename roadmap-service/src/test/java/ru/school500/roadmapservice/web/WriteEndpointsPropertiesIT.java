package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON write endpoint of the service, with generated strings (NUL, bidi controls, lone surrogates, emoji,
 * tens of thousands of characters), numbers (beyond double, beyond int, beyond the column) and dates (beyond
 * the years 0001–9999, impossible days) in every field: whatever the mix, the answer is never a 5xx, and an
 * error is problem+json. The Spring context is the one the other integration tests share (same configuration,
 * taken from Spring's test context cache).
 */
class WriteEndpointsPropertiesIT extends IntegrationTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** A write and the user allowed to make it; the body's $S, $N, $D are filled with generated values. */
    record Write(String name, HttpMethod method, String path, String user, boolean approved, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ORDER = """
            {"number":$S,"date":$D,"authority":$S,"city":$S,"title":$S,"signatory":$S,"kind":$S}""";
    private static final String ITEM = """
            {"number":$S,"task":$S,"deadline":{"text":$S,"kind":"ONCE","periods":[{"start":$D,"end":$D}]},
             "executorsText":$S,"executors":[],"indicatorText":$S,"indicatorQuantity":$N,"indicatorUnit":$S,
             "informationText":$S,"links":[],"notes":$S}""";
    private static final List<Write> WRITES = List.of(
            new Write("create roadmap", HttpMethod.POST, "/api/roadmaps", "kir-operator", false, """
                    {"region":"43","level":"REGIONAL","municipality":$S,"title":$S,"year":$N,"periodStart":$D,
                     "periodEnd":$D,"columnHeadings":[$S],"approvingOrder":%s,"repealedOrders":[%s],
                     "organisations":[{"fullName":$S,"shortName":$S,"aliases":[$S],"type":"REGIONAL_INSTITUTE"}],
                     "sections":[{"number":$S,"title":$S,"items":[%s]}]}""".formatted(ORDER, ORDER, ITEM)),
            new Write("update header", HttpMethod.PUT, "/api/roadmaps/{id}", "kir-operator", false, """
                    {"level":"REGIONAL","municipality":$S,"title":$S,"year":$N,"periodStart":$D,"periodEnd":$D,
                     "columnHeadings":[$S],"approvingOrder":%s,"repealedOrders":[]}""".formatted(ORDER)),
            new Write("approve", HttpMethod.POST, "/api/roadmaps/{id}/approve", "kir-ministry", false,
                    "{\"approvingOrder\":%s}".formatted(ORDER)),
            new Write("add section", HttpMethod.POST, "/api/roadmaps/{id}/sections", "kir-operator", false,
                    "{\"number\":$S,\"title\":$S,\"position\":$N}"),
            new Write("update section", HttpMethod.PUT, "/api/roadmaps/{id}/sections/{section}", "kir-operator", false,
                    "{\"number\":$S,\"title\":$S,\"position\":$N}"),
            new Write("add item", HttpMethod.POST, "/api/roadmaps/{id}/sections/{section}/items?position=$Q",
                    "kir-operator", false, ITEM),
            new Write("update item", HttpMethod.PUT, "/api/roadmaps/{id}/items/{item}?position=$Q", "kir-operator",
                    false, ITEM),
            new Write("report progress", HttpMethod.PUT, "/api/roadmaps/{id}/items/{item}/progress/$P",
                    "kir-municipal", true, "{\"status\":\"IN_PROGRESS\",\"comment\":$S,\"evidence\":[]}"));

    /** Values for the placeholders, consumed in order; each is hostile or plain, as generated. */
    record Values(List<String> strings, List<String> numbers, List<String> dates) {
    }

    private RoadmapApi api;

    @BeforeProperty
    void springContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        api = new RoadmapApi(mvc, PLAIN);
    }

    @Property(tries = 160)
    void noWriteAnswersWithA5xxWhateverTheValues(@ForAll("writes") Write write, @ForAll("values") Values values)
            throws Exception {
        RoadmapView roadmap = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        if (write.approved()) {
            roadmap = api.approve(roadmap.id(), roadmap.version());
        }
        Iterator<String> strings = values.strings().iterator();
        Iterator<String> numbers = values.numbers().iterator();
        Iterator<String> dates = values.dates().iterator();
        String body = fill(write.body(), "$S", strings::next);
        body = fill(body, "$N", numbers::next);
        body = fill(body, "$D", dates::next);
        String path = write.path().replace("{id}", roadmap.id().toString())
                .replace("{section}", roadmap.sections().getFirst().id().toString())
                .replace("{item}", roadmap.sections().getFirst().items().getFirst().id().toString())
                .replace("$Q", encodePath(numbers.next()))
                .replace("$P", encodePath(unquote(dates.next())));

        MockHttpServletResponse response = mvc.perform(request(write.method(), java.net.URI.create(path))
                .with(Users.named(write.user())).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"" + roadmap.version() + "\"").content(body))
                .andReturn().getResponse();

        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        String shown = "%s %s\n%s\n→ %d %s".formatted(write.method(), path, abbreviate(body), response.getStatus(),
                answer);
        assertThat(response.getStatus()).as(shown).isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).as(shown).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @Provide
    Arbitrary<Write> writes() {
        return Arbitraries.of(WRITES);
    }

    @Provide
    Arbitrary<Values> values() {
        return Combinators.combine(jsonStrings().list().ofSize(40), numbers().list().ofSize(12),
                dates().list().ofSize(12)).as(Values::new);
    }

    /** JSON string literals: mostly plain Russian text, else something hostile. */
    private static Arbitrary<String> jsonStrings() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().withChars('\u0000', '\u202E', '\u2066', '\u2069', '\u200F', '\uFEFF', '\uD800',
                        '\uDFFF', 'я', ' ', '\n', '\u001F').ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("\uD83D\uDE00 школа", "e\u0301\u0301\u0301", "\u202Eкарта.exe", "", " ", "null"),
                Arbitraries.integers().between(1_000, 30_000).map("Щ"::repeat));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("Мероприятие", "Раздел 1", "ИРО")),
                net.jqwik.api.Tuple.of(2, hostile)).map(WriteEndpointsPropertiesIT::jsonString);
    }

    /** JSON number tokens (or null): beyond double, int, long and numeric(14, 2), and ordinary ones. */
    private static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of("1", "2022", "null")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("1e400", "-1e400", "1e-400", "2147483647", "2147483648",
                        "-2147483649", "9223372036854775808", "123456789012345", "99999999999999.99", "0.001", "-0",
                        "1E+2147483647", "1E+2147483648", "-1", "\"12\"", "true", "[]", "{}")),
                net.jqwik.api.Tuple.of(2, Arbitraries.bigDecimals().map(java.math.BigDecimal::toString)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(String::valueOf)));
    }

    /** JSON date strings (or null): beyond 0001–9999, impossible days, and ordinary ones. */
    private static Arbitrary<String> dates() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of("\"2022-03-01\"", "\"2022-12-31\"", "null")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("\"+999999999-12-31\"", "\"-999999999-01-01\"",
                        "\"0000-01-01\"", "\"-0001-12-31\"", "\"9999-12-31\"", "\"+10000-01-01\"", "\"2022-02-30\"",
                        "\"2022-13-01\"", "\"2022-1-1\"", "\"17.06.2022\"", "20220617", "\"\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(WriteEndpointsPropertiesIT::jsonString)));
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String fill(String template, String placeholder, Supplier<String> values) {
        StringBuilder filled = new StringBuilder();
        int from = 0;
        for (int at = template.indexOf(placeholder); at >= 0; at = template.indexOf(placeholder, from)) {
            filled.append(template, from, at).append(values.get());
            from = at + placeholder.length();
        }
        return filled.append(template.substring(from)).toString();
    }

    private static String unquote(String json) {
        return json.startsWith("\"") && json.endsWith("\"") && json.length() >= 2
                ? json.substring(1, json.length() - 1) : json;
    }

    private static String encodePath(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '.') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.isEmpty() ? "%20" : encoded.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
