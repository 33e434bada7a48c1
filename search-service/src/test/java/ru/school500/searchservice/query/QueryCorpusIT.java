package ru.school500.searchservice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;

/**
 * Every input of the query parser's fuzz corpus ({@code UserQueryFuzzTestInputs/}: seeds and findings), and
 * the syntax Elasticsearch's query parsers are known to choke on, sent through the controller to a real
 * Elasticsearch as the search and the suggestion query: answered 200 or a 400 problem, never a 5xx.
 */
class QueryCorpusIT extends IntegrationTest {

    private static final List<String> HOSTILE = List.of("\"", "\"\"\"", "-", "--", "|", "||", "+", "*", "~", "~~2",
            "школа~99", "школа~-1", "школ*", "*школа", "(", ")", "((школа", "школа))", "\\", "\\\"", "/", "/школа/",
            "школа^1000000", "^", "&&", "!школа", "[a TO b]", "{", "NOT", "AND OR", "ИЛИ ИЛИ ИЛИ", "\u0000школа",
            "школа\u202Eанаркош", "🙂🙂", "a".repeat(500), "\"" + "школа ".repeat(80), "-\"".repeat(200),
            "школа OR ".repeat(60), "\uD800", "%", "%25", "${jndi:ldap://127.0.0.1/a}");

    @Test
    void everyCorpusInputAndKnownHostileSyntaxIsAnsweredWithoutAServerError() throws Exception {
        index(Changes.practice(Changes.newId()).title("Практика наставничества школа").description("Опыт школы")
                .change());
        List<String> queries = new ArrayList<>(HOSTILE);
        queries.addAll(corpus());
        assertThat(queries).hasSizeGreaterThan(HOSTILE.size());

        for (String q : queries) {
            for (String path : new String[] {"/api/search", "/api/search/suggest"}) {
                MockHttpServletResponse response = mvc.perform(get(path).param("q", q).with(Users.kirSchool1()))
                        .andReturn().getResponse();

                assertThat(response.getStatus()).as("%s?q=%s", path, q).isIn(200, 400);
                if (response.getStatus() == 400) {
                    assertThat(response.getContentType()).startsWith("application/problem+json");
                }
            }
        }
    }

    private static List<String> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(QueryCorpusIT.class.getResource(
                "UserQueryFuzzTestInputs/anySearchBoxTextIsParsedWithoutErrorInBoundedTime").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                texts.add(text.length() > SearchController.MAX_QUERY_LENGTH
                        ? text.substring(0, SearchController.MAX_QUERY_LENGTH) : text);
            }
            return texts;
        }
    }
}
