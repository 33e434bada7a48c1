package ru.school500.searchservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;

/**
 * The service's JSON write endpoint (a manual classification of a roadmap item), with generated strings (NUL,
 * bidi controls, lone surrogates, tens of thousands of characters), numbers and odd JSON in place of its
 * categories and comment, on an item that exists or an id that is anything: never a 5xx, errors as
 * problem+json. The Spring context is the one the other integration tests share.
 */
class OverrideWritePropertiesIT extends IntegrationTest {

    private Changes.Item item;

    @BeforeProperty
    void springContextAndAnItem() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        item = Changes.Item.of("1.1", "Провести мониторинг образовательных результатов");
        index(Changes.roadmap(Changes.newId()).region("43").section("1.", "Мониторинг", item).change());
    }

    @Property(tries = 80)
    void noOverrideAnswersWithA5xxWhateverTheBody(@ForAll("itemIds") String itemId,
            @ForAll("categories") List<String> categories, @ForAll("comments") String comment) throws Exception {
        String id = itemId.isEmpty() ? item.id() : itemId;
        String body = "{\"categories\":[" + String.join(",", categories) + "],\"comment\":" + comment + "}";

        MockHttpServletResponse response = mvc.perform(put(URI.create("/api/comparison/classifications/"
                + encode(id))).with(Users.kirOperator()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();

        String shown = "PUT %s\n%s\n→ %d %s".formatted(id, body.length() > 500 ? body.substring(0, 500) : body,
                response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).as(shown).isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).as(shown).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    /** The empty string stands for the indexed item. */
    @Provide
    Arbitrary<String> itemIds() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("00000000-0000-0000-0000-000000000000", "..", "x".repeat(5000))),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)));
    }

    @Provide
    Arbitrary<List<String>> categories() {
        return value().list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<String> comments() {
        return value();
    }

    /** JSON values: mostly plain ones, else hostile strings or odd JSON. */
    private static Arbitrary<String> value() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars('\u0000', '\u202E', '\u2066', '\u200F', '\uD800', '\uDFFF', 'я', '\n')
                        .ofMinLength(1).ofMaxLength(20),
                Arbitraries.integers().between(30, 30_000).map("Щ"::repeat));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("MONITORING", "BEST_PRACTICES", "NETWORKING", "комментарий").map(OverrideWritePropertiesIT::jsonString)),
                Tuple.of(3, hostile.map(OverrideWritePropertiesIT::jsonString)),
                Tuple.of(1, Arbitraries.of("1e400", "-1", "2147483648", "null", "true", "[]", "{}", "\"\"")));
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

    private static String encode(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.isEmpty() ? "%20" : encoded.toString();
    }
}
