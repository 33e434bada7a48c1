package ru.school500.searchservice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;

class SearchIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void morphologyFindsEveryFormOfTheWordBothWays() throws Exception {
        String[][] pairs = { { "школы", "школа" }, { "школами", "школа" }, { "медиации", "медиация" },
                { "педагогов", "педагог" }, { "наставников", "наставник" }, { "компетенций", "компетенция" },
                { "вебинаров", "вебинар" }, { "тьюторов", "тьютор" } };
        for (String[] pair : pairs) {
            for (int direction = 0; direction < 2; direction++) {
                String indexed = pair[direction];
                String typed = pair[1 - direction];
                String marker = marker();
                String id = Changes.newId();
                index(Changes.practice(id).title("Практика " + marker).description("Опыт: " + indexed + " региона")
                        .change());

                assertThat(ids(search(typed + " " + marker, null))).as("%s finds %s", typed, indexed).contains(id);
            }
        }
    }

    @Test
    void theTeachersQueryFindsMentorshipAndMentorsAlike() throws Exception {
        String marker = marker();
        String mentorship = Changes.newId();
        String mentors = Changes.newId();
        index(Changes.practice(mentorship).title("Наставничество для молодых педагогов " + marker).change(),
                Changes.practice(mentors).title("Школа наставников: молодым педагогам " + marker).change());

        assertThat(ids(search("наставничество молодых педагогов " + marker, null))).contains(mentorship, mentors);
        assertThat(ids(search("наставникам " + marker, null))).contains(mentorship, mentors);
    }

    @Test
    void yoAndYeAreTheSameLetter() throws Exception {
        String marker = marker();
        String withYo = Changes.newId();
        index(Changes.practice(withYo).title("Сетевой партнёр школы " + marker).change());

        assertThat(ids(search("партнер " + marker, null))).contains(withYo);
        assertThat(ids(search("ПАРТНЁР " + marker, null))).contains(withYo);
    }

    @Test
    void aTypoStillFindsTheWord() throws Exception {
        String marker = marker();
        String id = Changes.newId();
        index(Changes.practice(id).title("Наставничество в сельской школе " + marker).change());

        assertThat(ids(search("наставнечество " + marker, null))).contains(id);
        assertThat(ids(search("наставничество " + marker, null))).first().isEqualTo(id);
    }

    @Test
    void aPhraseMatchesTheWordsTogetherOnly() throws Exception {
        String marker = marker();
        String together = Changes.newId();
        String apart = Changes.newId();
        index(Changes.practice(together).title("Поддержка молодых педагогов " + marker).change(),
                Changes.practice(apart).title("Педагогов поддерживают молодые наставники " + marker).change());

        List<String> found = ids(search("\"молодых педагогов\" " + marker, null));
        assertThat(found).contains(together).doesNotContain(apart);
        assertThat(ids(search("молодых педагогов " + marker, null))).contains(together, apart);
    }

    @Test
    void exclusionAndOrWork() throws Exception {
        String marker = marker();
        String mediation = Changes.newId();
        String conflict = Changes.newId();
        String parents = Changes.newId();
        index(Changes.practice(mediation).title("Школьная медиация " + marker).change(),
                Changes.practice(conflict).title("Медиация конфликтов " + marker).change(),
                Changes.practice(parents).title("Работа с родителями " + marker).change());

        assertThat(ids(search("медиация -конфликт " + marker, null))).contains(mediation).doesNotContain(conflict, parents);
        assertThat(ids(search("(медиация OR родители) " + marker, null))).contains(mediation, conflict, parents);
    }

    @Test
    void facetsCountTheMatchingRecordsAndFiltersNarrowThem() throws Exception {
        String marker = marker();
        index(Changes.practice(Changes.newId()).title("Практика " + marker).region("38", "38-01", "38-01-001").year(2021).change(),
                Changes.practice(Changes.newId()).title("Практика " + marker).region("38", "38-01", "38-01-001").year(2022).change(),
                Changes.practice(Changes.newId()).title("Практика " + marker).region("43", "43-01", "43-01-001")
                        .direction("SCHOOL_CLIMATE_MEDIATION").year(2022).change());

        JsonNode all = search(marker, null);
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(facet(all, "region", "38")).isEqualTo(2);
        assertThat(facet(all, "region", "43")).isEqualTo(1);
        assertThat(facet(all, "year", "2022")).isEqualTo(2);
        assertThat(facet(all, "direction", "MENTORING")).isEqualTo(2);
        assertThat(facet(all, "type", "PRACTICE")).isEqualTo(3);
        assertThat(all.at("/hits/0/regionName").asString()).isIn("Иркутская область", "Кировская область");
        assertThat(all.at("/facets/direction/0/label").asString()).isEqualTo("Наставничество");
        assertThat(all.at("/facets/level/0/label").asString()).isEqualTo("Основное общее");

        JsonNode irkutsk2022 = search(marker, null, "region", "38", "year", "2022");
        assertThat(irkutsk2022.path("total").asLong()).isEqualTo(1);
        assertThat(facet(irkutsk2022, "region", "43")).isZero();
    }

    @Test
    void pagesAndSearchAfterCursorsVisitEveryHitOnce() throws Exception {
        String marker = marker();
        Set<String> expected = new HashSet<>();
        List<ru.school500.searchservice.indexing.FeedChange> changes = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = Changes.newId();
            expected.add(id);
            changes.add(Changes.practice(id).title("Методическая практика номер " + i + " " + marker).change());
        }
        index(changes.toArray(ru.school500.searchservice.indexing.FeedChange[]::new));

        JsonNode second = search(marker, null, "size", "10", "page", "1");
        assertThat(second.path("hits").size()).isEqualTo(10);

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 5; page++) {
            JsonNode result = after == null ? search(marker, null, "size", "10", "sort", "date")
                    : search(marker, null, "size", "10", "sort", "date", "after", after);
            ids(result).forEach(id -> {
                order.add(id);
                seen.add(id);
            });
            after = result.path("next").isNull() ? null : result.path("next").asString(null);
            if (after == null) {
                break;
            }
        }
        assertThat(order).hasSize(23);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void snippetsMarkTheWordsInTheTextOrElseTheTitleAndNeverPassMarkupThrough() throws Exception {
        String marker = marker();
        String inText = Changes.newId();
        String inTitle = Changes.newId();
        String typo = Changes.newId();
        String filler = " Обычный текст отчёта о работе школы за учебный год.".repeat(12);
        index(Changes.practice(inText).title("Отчёт " + marker)
                .description("Вводная часть <b>без</b> разметки." + filler + " Здесь про медиацию конфликтов." + filler)
                .change());
        index(Changes.practice(inTitle).title("Школьная медиация " + marker)
                .description("<script>alert(1)</script> Отчёт о годе." + filler).change());
        index(Changes.practice(typo).title("Итоги " + marker).description("Наставничество молодых учителей." + filler)
                .change());

        JsonNode found = search("медиация " + marker, null);
        assertThat(ids(found)).containsExactlyInAnyOrder(inText, inTitle);
        JsonNode textHit = hit(found, inText);
        assertThat(textHit.path("snippet").asString()).contains("<em>медиацию</em>").doesNotContain("<b>");
        JsonNode titleHit = hit(found, inTitle);
        assertThat(titleHit.path("snippet").asString()).as("the text has no match: the marked title")
                .contains("<em>медиация</em>").doesNotContain("<script>");

        JsonNode misspelt = search("наставнечество " + marker, null);
        assertThat(ids(misspelt)).containsExactly(typo);
        assertThat(misspelt.at("/hits/0/snippet").asString()).as("one typo: the word it meant is marked")
                .contains("<em>Наставничество</em>");

        JsonNode titleOnly = search(marker, null);
        JsonNode unmarkedText = hit(titleOnly, inTitle);
        assertThat(unmarkedText.path("snippet").asString()).contains("<em>").doesNotContain("<script>");

        // two typos in the marker: found (two edits), but nothing is marked (one edit), so the text's beginning
        JsonNode twoTypos = search(twoEdits(marker), null);
        assertThat(ids(twoTypos)).contains(inTitle);
        assertThat(hit(twoTypos, inTitle).path("snippet").asString())
                .startsWith("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; Отчёт о годе.").doesNotContain("<em>").endsWith("…");
    }

    private static String twoEdits(String word) {
        StringBuilder changed = new StringBuilder(word);
        for (int i = word.length() - 2; i < word.length(); i++) {
            changed.setCharAt(i, word.charAt(i) == 'q' ? 'w' : 'q');
        }
        return changed.toString();
    }

    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("id").asString().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + result);
    }

    @Test
    void aPublishedIrkutskPracticeIsFoundByAKirovSchool() throws Exception {
        String marker = marker();
        String id = Changes.newId();
        index(Changes.practice(id).title("Наставничество молодых педагогов " + marker).region("38", "38-02", "38-02-005")
                .change());

        JsonNode result = search("наставник педагог " + marker, Users.kirSchool1());
        assertThat(ids(result)).containsExactly(id);
        assertThat(result.at("/hits/0/snippet").asString()).contains("<em>");
        assertThat(ids(search("наставник педагог " + marker, null))).containsExactly(id);
    }

    @Test
    void anUnpublishedIrkutskMaterialLeavesNoTraceForKirovUsers() throws Exception {
        String marker = marker();
        String material = Changes.newId();
        String draftPractice = Changes.newId();
        String reviewed = Changes.newId();
        index(Changes.document(material).title("Антирисковая программа " + marker)
                        .text("Секретный текст программы " + marker).owner("38", "38-01", "38-01-001")
                        .riskFactors("HIGH_TURNOVER").change(),
                Changes.practice(draftPractice).title("Антирисковая практика " + marker).status("DRAFT").change(),
                Changes.practice(reviewed).title("Антирисковая методика " + marker).status("IN_REVIEW").change());

        for (RequestPostProcessor kirovUser : List.of(Users.kirSchool1(), Users.kirOperator(), Users.kirCurator())) {
            JsonNode result = search("антирисковая " + marker, kirovUser);
            assertThat(result.path("total").asLong()).isZero();
            assertThat(result.path("hits").size()).isZero();
            result.path("facets").properties().forEach(facet -> assertThat(facet.getValue().size()).isZero());
            assertThat(suggest("Антирисков", kirovUser)).noneMatch(text -> text.contains(marker));
        }
        assertThat(search("антирисковая " + marker, null).path("total").asLong()).isZero();
        assertThat(suggest("Антирисков", null)).noneMatch(text -> text.contains(marker));

        assertThat(ids(search("антирисковая " + marker, Users.irkOperator()))).containsExactlyInAnyOrder(material, reviewed);
        assertThat(ids(search("антирисковая " + marker, Users.irkSchool1())))
                .containsExactlyInAnyOrder(material, draftPractice, reviewed);
        assertThat(ids(search("антирисковая " + marker, Users.irkMinistry()))).isEmpty();
        assertThat(ids(search("антирисковая " + marker, Users.fedAnalyst()))).isEmpty();
        assertThat(suggest("Антирисковая прог", Users.irkOperator())).anyMatch(text -> text.contains(marker));
    }

    @Test
    void suggestionsCompleteAnyWordOfAVisibleTitle() throws Exception {
        String marker = marker();
        index(Changes.practice(Changes.newId()).title("Наставничество молодых педагогов " + marker).change());

        assertThat(suggest("Наставничество мол", null)).anyMatch(text -> text.endsWith(marker));
        assertThat(suggest("молодых пед", null)).anyMatch(text -> text.endsWith(marker));
        assertThat(suggest("", null)).isEmpty();
    }

    @Test
    void suggestionsForgiveATypoAndCompleteRoadmapItemsAndDocumentsVisibleToTheCaller() throws Exception {
        String marker = marker();
        String approved = Changes.newId();
        String draft = Changes.newId();
        index(Changes.practice(Changes.newId()).title("Стажировочная площадка для кураторов " + marker).change(),
                Changes.roadmap(approved).section("1.", "Организация",
                        Changes.Item.of("1.1", "Провести фестиваль методических служб " + marker)).change(),
                Changes.roadmap(draft).status("DRAFT").region("38").section("1.", "Организация",
                        Changes.Item.of("1.1", "Провести фестиваль школьных театров " + marker)).change(),
                Changes.document(Changes.newId()).type("ORDER").title("Распоряжение о фестивале " + marker)
                        .owner("43", null, null).change());

        assertThat(suggest("стажировачная", null)).as("one typo").anyMatch(text -> text.endsWith(marker));
        assertThat(suggest("кураторов", null)).as("a later word").anyMatch(text -> text.endsWith(marker));
        assertThat(suggest("фестиваль метод", null)).as("a roadmap item").anyMatch(text -> text.contains(marker));
        assertThat(suggest("фестиваль школьных", null)).as("a draft item, anonymously")
                .noneMatch(text -> text.contains(marker));
        assertThat(suggest("фестиваль школьных", Users.irkOperator())).as("a draft item, its region's operator")
                .anyMatch(text -> text.contains(marker));
        assertThat(suggest("Распоряжение о фест", null)).as("an order, anonymously").noneMatch(text -> text.contains(marker));
        assertThat(suggest("Распоряжение о фест", Users.kirOperator())).as("an order, its region's operator")
                .anyMatch(text -> text.contains(marker));
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() throws Exception {
        String marker = marker();
        String id = Changes.newId();
        index(Changes.practice(id).title("Новое название " + marker).version(5).change());
        index(Changes.practice(id).title("Старое название " + marker).version(3).change());
        index(Changes.practice(id).title("Новое название " + marker).version(5).change());

        JsonNode result = search(marker, null);
        assertThat(ids(result)).containsExactly(id);
        assertThat(result.at("/hits/0/title").asString()).startsWith("Новое название");
    }

    @Test
    void unpublishingOrDeletingHidesARecord() throws Exception {
        String marker = marker();
        String practice = Changes.newId();
        String document = Changes.newId();
        index(Changes.practice(practice).title("Практика " + marker).change(),
                Changes.document(document).type("ORDER").title("Распоряжение " + marker).owner("43", null, null).change());
        assertThat(ids(search(marker, Users.kirOperator()))).containsExactlyInAnyOrder(practice, document);

        index(Changes.practice(practice).title("Практика " + marker).status("RETURNED").region("38", "38-01", "38-01-001")
                .version(2).change(), Changes.delete("DOCUMENT", document, 2));

        assertThat(ids(search(marker, Users.kirOperator()))).isEmpty();
        assertThat(search(marker, null).path("total").asLong()).isZero();
    }

    @Test
    void roadmapItemsAreFoundAndItemsDroppedFromANewVersionDisappear() throws Exception {
        String marker = marker();
        String roadmap = Changes.newId();
        Changes.Item kept = Changes.Item.of("1.1", "Мониторинг образовательных результатов " + marker);
        Changes.Item dropped = Changes.Item.of("1.2", "Вебинары для кураторов " + marker);
        index(Changes.roadmap(roadmap).section("1.", "Организация", kept, dropped).version(1).change());

        JsonNode first = search(marker, null, "type", "ROADMAP_ITEM");
        assertThat(ids(first)).containsExactlyInAnyOrder(kept.id(), dropped.id());
        assertThat(first.at("/hits/0/link").asString()).startsWith("/api/roadmaps/" + roadmap + "/items/");

        index(Changes.roadmap(roadmap).section("1.", "Организация", kept).version(2).change());
        assertThat(ids(search(marker, null, "type", "ROADMAP_ITEM"))).containsExactly(kept.id());

        index(Changes.roadmap(roadmap).status("DRAFT").section("1.", "Организация", kept).version(3).change());
        assertThat(ids(search(marker, null))).isEmpty();
        assertThat(ids(search(marker, Users.kirOperator(), "type", "ROADMAP_ITEM"))).containsExactly(kept.id());
        assertThat(ids(search(marker, Users.irkOperator()))).isEmpty();
    }

    @Test
    void badInputIsAProblemNeverAServerError() throws Exception {
        admin.ensureIndices(); // a search while the first indices are still being created may fail with 503
        mvc.perform(get("/api/search")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fields.q").exists());
        mvc.perform(get("/api/search").param("q", "  ")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/search").param("q", "школа").param("size", "1000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.size").exists());
        mvc.perform(get("/api/search").param("q", "школа").param("page", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/search").param("q", "школа").param("page", "600").param("size", "20"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("after")));
        mvc.perform(get("/api/search").param("q", "ш".repeat(501))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/search").param("q", "школа").param("sort", "popularity")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.sort").exists());
        mvc.perform(get("/api/search").param("q", "школа").param("after", "not-a-cursor")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/search").param("q", "школа").param("year", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/search").param("q", "*** ~ \"\" | -")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/search").param("q", "((( \"школа ~~~ ))) ||| -- *")).andExpect(status().isOk());
    }

    private JsonNode search(String q, RequestPostProcessor user, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/search").param("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        if (user != null) {
            request.with(user);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    private List<String> suggest(String q, RequestPostProcessor user) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/search/suggest").param("q", q);
        if (user != null) {
            request.with(user);
        }
        JsonNode body = JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        body.forEach(s -> texts.add(s.path("text").asString()));
        return texts;
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private static long facet(JsonNode result, String facet, String value) {
        for (JsonNode bucket : result.path("facets").path(facet)) {
            if (bucket.path("value").asString().equals(value)) {
                return bucket.path("count").asLong();
            }
        }
        return 0;
    }

    /** A token no other test uses, so each test sees only its own records. */
    private static String marker() {
        return "m" + Long.toString(System.nanoTime(), 36);
    }
}
