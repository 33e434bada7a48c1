package ru.school500.searchservice.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;
import ru.school500.searchservice.support.SeedRoadmaps;

/** The two real roadmaps (Irkutsk 2021, Kirov 2022) compared on a real Elasticsearch. */
class ComparisonIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @org.springframework.beans.factory.annotation.Autowired
    ru.school500.searchservice.indexing.IndexNames names;

    private String irkutsk;
    private String kirov;

    @BeforeEach
    void seeds() throws Exception {
        irkutsk = UUID.randomUUID().toString();
        kirov = UUID.randomUUID().toString();
        index(SeedRoadmaps.approved(SeedRoadmaps.IRKUTSK, "38", irkutsk, 1),
                SeedRoadmaps.approved(SeedRoadmaps.KIROV, "43", kirov, 1));
    }

    @Test
    void everySeedItemFallsInTheCategoriesAHumanReaderExpects() throws Exception {
        JsonNode comparison = compare(Users.fedAnalyst(), irkutsk, kirov);
        Map<String, List<String>> irkutskItems = categoriesByNumber(comparison, irkutsk);
        Map<String, List<String>> kirovItems = categoriesByNumber(comparison, kirov);
        assertThat(irkutskItems).hasSize(74);
        assertThat(kirovItems).hasSize(31);

        JsonNode expectations = JSON.readTree(Files.readString(Path.of("src/test/resources/comparison/seed-expectations.json")));
        List<String> misses = new ArrayList<>();
        check(expectations.path("irkutsk"), irkutskItems, "Иркутск", misses);
        check(expectations.path("kirov"), kirovItems, "Киров", misses);
        assertThat(misses).isEmpty();

        for (String number : List.of("2.11", "2.12", "2.13", "2.14", "2.15")) {
            assertThat(irkutskItems.get(number)).as("Иркутск %s", number).contains("NON_NATIVE_RUSSIAN");
        }
        for (String number : List.of("2.7", "2.8", "2.9", "2.10")) {
            assertThat(irkutskItems.get(number)).as("Иркутск %s", number).contains("PARENTS_COMMUNITY");
        }
    }

    @Test
    void theMatrixListsItemNumbersAndTheOtherViewsAreFilled() throws Exception {
        JsonNode comparison = compare(Users.fedAnalyst(), irkutsk, kirov);

        JsonNode nonNative = row(comparison, "NON_NATIVE_RUSSIAN");
        JsonNode irkutskCell = cell(nonNative, irkutsk);
        assertThat(irkutskCell.path("itemNumbers").toString()).contains("2.11", "2.15");
        assertThat(irkutskCell.path("count").asInt()).isEqualTo(irkutskCell.path("itemNumbers").size());
        assertThat(comparison.path("executors").toString()).contains("MINISTRY", "REGIONAL_INSTITUTE");
        assertThat(comparison.path("timeline").path("months").size()).isGreaterThan(6);
        assertThat(comparison.path("coverage").size()).isEqualTo(2);
        assertThat(comparison.at("/coverage/0/reasons").size()).isEqualTo(comparison.at("/coverage/0/max").asInt());
        assertThat(comparison.path("taxonomyVersion").asInt()).isEqualTo(2);
    }

    @Test
    void withoutDetailsTheViewsComeWithoutTextsAndEveryCellsItemsComeFromTheDrillDown() throws Exception {
        JsonNode full = compare(Users.fedAnalyst(), irkutsk, kirov);
        JsonNode summary = JSON.readTree(mvc.perform(get("/api/comparison").param("roadmap", irkutsk, kirov)
                .param("details", "false").with(Users.fedAnalyst())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(summary.path("items")).isEmpty();
        for (String view : List.of("roadmaps", "categories", "executors", "timeline", "similar", "coverage")) {
            assertThat(summary.path(view)).as(view).isEqualTo(full.path(view));
        }
        assertThat(count(summary.path("overdue"))).isEqualTo(count(full.path("overdue"))).isPositive();
        summary.at("/overdue/roadmaps").forEach(roadmap -> roadmap.path("items").forEach(item -> {
            assertThat(item.has("task") || item.has("deadlineText") || item.has("executors")).as("texts of %s", item)
                    .isFalse();
            assertThat(item.path("number").asString()).isNotBlank();
            assertThat(item.path("deadline").asString()).isNotBlank();
        }));
        assertThat(summary.toString().length()).isLessThan(full.toString().length() / 2);

        Map<String, String> taskById = new HashMap<>();
        full.path("items").forEach(item -> taskById.put(item.path("id").asString(), item.path("task").asString()));
        for (String roadmap : List.of(irkutsk, kirov)) {
            for (JsonNode row : summary.at("/categories/rows")) {
                String code = row.path("code").asString();
                JsonNode cell = cell(row, roadmap);
                JsonNode drill = drillDown(Users.fedAnalyst(), roadmap, code);
                assertThat(drill.at("/roadmap/id").asString()).isEqualTo(roadmap);
                assertThat(drill.path("category").asString()).isEqualTo(code);
                List<String> numbers = new ArrayList<>();
                drill.path("items").forEach(item -> {
                    numbers.add(item.path("number").asString());
                    assertThat(item.path("task").asString()).isEqualTo(taskById.get(item.path("id").asString()));
                    if ("UNCLASSIFIED".equals(code)) {
                        assertThat(item.path("categories")).isEmpty();
                    } else {
                        assertThat(item.path("evidence").toString()).as("evidence of %s in %s", item.path("number"), code)
                                .contains("\"category\":\"" + code + "\"");
                    }
                });
                List<String> expected = new ArrayList<>();
                cell.path("itemNumbers").forEach(number -> expected.add(number.asString()));
                assertThat(numbers).as("%s in %s", code, roadmap).containsExactlyElementsOf(expected);
            }
        }
        assertThat(drillDown(Users.fedAnalyst(), irkutsk, null).path("items")).hasSize(74);

        mvc.perform(get("/api/comparison/items").param("roadmap", irkutsk).param("category", "drop table")
                .with(Users.fedAnalyst())).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/comparison/items").param("roadmap", irkutsk).with(Users.kirSchool1()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/comparison/items").param("roadmap", irkutsk)).andExpect(status().isUnauthorized());
    }

    @Test
    void overdueItemsOnADateAreThoseWhoseDeadlinePassedWithoutAReport() throws Exception {
        JsonNode early = compareOn(Users.fedAnalyst(), "2021-01-01", irkutsk, kirov);
        JsonNode late = compareOn(Users.fedAnalyst(), "2023-06-01", irkutsk, kirov);

        assertThat(early.at("/overdue/date").asString()).isEqualTo("2021-01-01");
        assertThat(count(early.path("overdue"))).isZero();
        assertThat(count(late.path("overdue"))).isGreaterThan(50);
    }

    @Test
    void withoutADateEachRoadmapIsJudgedOnTheEndOfItsOwnYearAndTheTimelineLinesUpTheirMonths() throws Exception {
        JsonNode comparison = compare(Users.fedAnalyst(), irkutsk, kirov);

        assertThat(comparison.at("/overdue/basis").asString()).isEqualTo("ROADMAP_PERIOD_END");
        assertThat(comparison.at("/overdue/roadmaps/0/date").asString()).isEqualTo("2021-12-31");
        assertThat(comparison.at("/overdue/roadmaps/1/date").asString()).isEqualTo("2022-12-31");
        // items due in December (or «в течение года») are not yet overdue on 31 December
        int irkutskOverdue = comparison.at("/overdue/roadmaps/0/items").size();
        assertThat(irkutskOverdue).isBetween(1, 74 - 31 - 1);
        comparison.at("/overdue/roadmaps/0/items").forEach(item ->
                assertThat(item.path("deadline").asString()).isLessThan("2021-12-31"));

        JsonNode year = comparison.at("/timeline/roadmapYear");
        assertThat(year.path("months").toString()).contains("1", "12");
        assertThat(year.at("/roadmaps/0/year").asInt()).isEqualTo(2021);
        assertThat(year.at("/roadmaps/1/year").asInt()).isEqualTo(2022);
    }

    @Test
    void coverageCountsOnlyDeadlinesNarrowerThanTheYearAndMeasurableIndicators() throws Exception {
        JsonNode comparison = compare(Users.fedAnalyst(), irkutsk, kirov);

        JsonNode irkutskDated = reason(comparison, 0, "DATED_DEADLINES");
        assertThat(irkutskDated.path("met").asBoolean()).isFalse();
        assertThat(irkutskDated.path("text").asString()).contains("у 43 из 74 мероприятий", "«в течение года»");
        JsonNode kirovDated = reason(comparison, 1, "DATED_DEADLINES");
        assertThat(kirovDated.path("text").asString()).contains("у 25 из 31 мероприятия");
        JsonNode kirovIndicators = reason(comparison, 1, "INDICATORS");
        assertThat(kirovIndicators.path("text").asString()).contains("не измерим");
        assertThat(kirovIndicators.toString()).contains("1.8");
    }

    private static JsonNode reason(JsonNode comparison, int roadmap, String code) {
        for (JsonNode reason : comparison.at("/coverage/" + roadmap + "/reasons")) {
            if (reason.path("code").asString().equals(code)) {
                return reason;
            }
        }
        throw new AssertionError("no reason " + code);
    }

    @Test
    void theSamePairsWhicheverRoadmapIsAskedForFirstEachWithItsLeftItemFromTheFirst() throws Exception {
        JsonNode irkutskFirst = compare(Users.fedAnalyst(), irkutsk, kirov).path("similar");
        JsonNode kirovFirst = compare(Users.fedAnalyst(), kirov, irkutsk).path("similar");
        assertThat(irkutskFirst.size()).isPositive().isEqualTo(kirovFirst.size());
        for (int i = 0; i < irkutskFirst.size(); i++) {
            JsonNode one = irkutskFirst.get(i);
            JsonNode other = kirovFirst.get(i);
            assertThat(one.path("leftRoadmapId").asString()).isEqualTo(irkutsk);
            assertThat(other.path("leftRoadmapId").asString()).isEqualTo(kirov);
            assertThat(other.path("leftItemId").asString()).isEqualTo(one.path("rightItemId").asString());
            assertThat(other.path("rightItemId").asString()).isEqualTo(one.path("leftItemId").asString());
            assertThat(other.path("score").asDouble()).isEqualTo(one.path("score").asDouble());
            List<String> turned = new ArrayList<>();
            one.path("sharedTerms").forEach(term -> {
                String[] sides = term.asString().split("/");
                turned.add(sides.length == 2 ? sides[1] + "/" + sides[0] : term.asString());
            });
            List<String> shared = new ArrayList<>();
            other.path("sharedTerms").forEach(term -> shared.add(term.asString()));
            assertThat(shared).isEqualTo(turned);
            assertThat(other.path("explanation").asString()).contains(String.join(", ", shared));
        }
    }

    @Test
    void similarItemsIncludeTheObviousPairsAcrossRegions() throws Exception {
        JsonNode comparison = compare(Users.fedAnalyst(), irkutsk, kirov);
        List<String> pairs = new ArrayList<>();
        comparison.path("similar").forEach(pair -> pairs.add(pair.path("leftNumber").asString() + "↔"
                + pair.path("rightNumber").asString()));
        JsonNode expected = JSON.readTree(Files.readString(Path.of("src/test/resources/comparison/similar-pairs.json")));
        int found = 0;
        for (JsonNode pair : expected) {
            if (pairs.contains(pair.path("irkutsk").asString() + "↔" + pair.path("kirov").asString())) {
                found++;
            }
        }
        assertThat(found).as("obvious pairs among %s", pairs).isGreaterThanOrEqualTo(3);
        assertThat(comparison.at("/similar/0/leftTask").asString()).isNotBlank();
        assertThat(comparison.at("/similar/0/rightTask").asString()).isNotBlank();
    }

    @Test
    void anOverrideSurvivesAReimportOfTheSameOrder() throws Exception {
        String itemId = itemId(kirov, "2.6");
        mvc.perform(put("/api/comparison/classifications/" + itemId).with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categories\":[\"BEST_PRACTICES\",\"NETWORKING\"],\"comment\":\"круглый стол\"}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/comparison/classifications/" + itemId).with(Users.irkOperator())
                .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"MONITORING\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/comparison/classifications/" + itemId).with(Users.fedAnalyst())
                .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":[\"NO_SUCH\"]}"))
                .andExpect(status().isBadRequest());

        String reimported = UUID.randomUUID().toString();
        index(SeedRoadmaps.approved(SeedRoadmaps.KIROV, "43", reimported, 1));
        JsonNode after = compare(Users.fedAnalyst(), reimported);
        assertThat(categoriesByNumber(after, reimported).get("2.6")).containsExactly("BEST_PRACTICES", "NETWORKING");
        JsonNode networking = drillDown(Users.fedAnalyst(), reimported, "NETWORKING");
        assertThat(networking.at("/items/0/number").asString()).isEqualTo("2.6");
        assertThat(networking.at("/items/0/evidence/0/source").asString()).isEqualTo("override");

        mvc.perform(delete("/api/comparison/classifications/" + itemId).with(Users.kirOperator()))
                .andExpect(status().isNoContent());
        assertThat(categoriesByNumber(compare(Users.fedAnalyst(), reimported), reimported).get("2.6"))
                .doesNotContain("NETWORKING");
        drillDown(Users.fedAnalyst(), reimported, "NETWORKING").path("items")
                .forEach(item -> assertThat(item.path("number").asString()).isNotEqualTo("2.6"));
    }

    @Test
    void aRegionalUserComparesPublishedDataButNotAnotherRegionsDraft() throws Exception {
        String irkutskDraft = UUID.randomUUID().toString();
        index(Changes.roadmap(irkutskDraft).region("38").status("DRAFT")
                .section("1.", "Раздел", Changes.Item.of("1.1", "Мониторинг")).change());

        mvc.perform(get("/api/comparison").param("roadmap", kirov, irkutsk).with(Users.kirOperator()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/comparison").param("roadmap", irkutskDraft).with(Users.irkOperator()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/comparison").param("roadmap", irkutskDraft).with(Users.fedAnalyst()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/comparison").param("roadmap", kirov).with(Users.kirSchool1()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/comparison").param("roadmap", kirov)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/comparison").param("roadmap", UUID.randomUUID().toString()).with(Users.fedAnalyst()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/comparison").param("roadmap", "not-a-uuid").with(Users.fedAnalyst()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/comparison").with(Users.fedAnalyst())).andExpect(status().isBadRequest());
    }

    @Test
    void aNewVersionOfARoadmapIsComparedWithItsNewItemsNotThoseAlreadyPrepared() throws Exception {
        String roadmap = UUID.randomUUID().toString();
        index(Changes.roadmap(roadmap).region("24").version(1).section("1", "Мероприятия",
                Changes.Item.of("1.1", "Проведение конкурса профессионального мастерства наставников")).change());
        JsonNode before = compare(Users.fedAnalyst(), kirov, roadmap);
        assertThat(before.path("items").toString()).contains("конкурса профессионального мастерства");

        index(Changes.roadmap(roadmap).region("24").version(2).section("1", "Мероприятия",
                Changes.Item.of("1.1", "Мониторинг объективности оценочных процедур в школах"),
                Changes.Item.of("1.2", "Родительское собрание по вопросам профориентации")).change());
        JsonNode after = compare(Users.fedAnalyst(), kirov, roadmap);

        List<String> tasks = new ArrayList<>();
        after.path("items").forEach(item -> {
            if (item.path("roadmapId").asString().equals(roadmap)) {
                tasks.add(item.path("task").asString());
            }
        });
        assertThat(tasks).containsExactly("Мониторинг объективности оценочных процедур в школах",
                "Родительское собрание по вопросам профориентации");
        assertThat(categoriesByNumber(after, roadmap).get("1.1")).contains("MONITORING");
    }

    @Test
    void anotherRegionsDraftIsIndistinguishableFromAnUnknownRoadmapOnEveryComparisonEndpoint() throws Exception {
        String irkutskDraft = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        index(Changes.roadmap(irkutskDraft).region("38").status("DRAFT")
                .section("1.", "Раздел", Changes.Item.of("1.1", "Мониторинг")).change());

        for (String path : List.of("/api/comparison", "/api/comparison/export")) {
            var draft = mvc.perform(get(path).param("roadmap", kirov, irkutskDraft).with(Users.kirOperator()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse();
            var missing = mvc.perform(get(path).param("roadmap", kirov, unknown).with(Users.kirOperator()))
                    .andExpect(status().isNotFound()).andReturn().getResponse();

            String draftBody = draft.getContentAsString(StandardCharsets.UTF_8);
            assertThat(draftBody).as(path).doesNotContain("Иркутск");
            assertThat(draftBody.replace(irkutskDraft, unknown)).as(path)
                    .isEqualTo(missing.getContentAsString(StandardCharsets.UTF_8));
        }
        String draft = mvc.perform(get("/api/comparison/items").param("roadmap", irkutskDraft).with(Users.kirOperator()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String missing = mvc.perform(get("/api/comparison/items").param("roadmap", unknown).with(Users.kirOperator()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(draft).doesNotContain("Иркутск", "Мониторинг");
        assertThat(draft.replace(irkutskDraft, unknown)).isEqualTo(missing);
        assertThat(drillDown(Users.irkOperator(), irkutskDraft, null).at("/items/0/task").asString())
                .isEqualTo("Мониторинг");
    }

    @Test
    void progressCountsInOverdueOnlyForThoseWhoMaySeeTheRegionsMonitoring() throws Exception {
        String roadmap = UUID.randomUUID().toString();
        index(Changes.roadmap(roadmap).region("43").status("APPROVED").section("1.", "Раздел",
                Changes.Item.reported("1.1", "Провести семинар для кураторов", "2022-12-01", "CANCELLED"),
                Changes.Item.reported("1.2", "Провести мониторинг школ", "2022-12-01", "IN_PROGRESS")).change());

        JsonNode own = compareOn(Users.kirOperator(), "2023-06-01", roadmap).at("/overdue/roadmaps/0");
        assertThat(own.path("progressConsidered").asBoolean()).isTrue();
        assertThat(own.path("items")).hasSize(1);
        assertThat(own.at("/items/0/number").asString()).isEqualTo("1.2");
        assertThat(own.at("/items/0/lastStatus").asString()).isEqualTo("IN_PROGRESS");

        String foreign = mvc.perform(get("/api/comparison").param("roadmap", roadmap).param("date", "2023-06-01")
                .with(Users.irkOperator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode overdue = JSON.readTree(foreign).at("/overdue/roadmaps/0");
        assertThat(overdue.path("progressConsidered").asBoolean()).isFalse();
        assertThat(overdue.path("items")).hasSize(2);
        overdue.path("items").forEach(item -> {
            assertThat(item.path("lastStage").isNull()).isTrue();
            assertThat(item.path("lastStatus").isNull()).isTrue();
        });
        assertThat(foreign).doesNotContain("CANCELLED", "IN_PROGRESS", "2022-12-01");
        assertThat(drillDown(Users.kirOperator(), roadmap, null).toString()).contains("CANCELLED", "IN_PROGRESS");
        String foreignItems = drillDown(Users.irkOperator(), roadmap, null).toString();
        assertThat(foreignItems).contains("Провести семинар для кураторов")
                .doesNotContain("CANCELLED", "IN_PROGRESS", "2022-12-01");

        byte[] xlsx = mvc.perform(get("/api/comparison/export").param("roadmap", roadmap).param("date", "2023-06-01")
                .with(Users.irkOperator())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            workbook.getSheet(ComparisonWorkbook.OVERDUE)
                    .forEach(row -> row.forEach(cell -> text.append(cell.toString()).append(' ')));
            assertThat(text).contains("1.1", "1.2", "мониторинг недоступен").doesNotContain("отменено", "выполняется");
        }
    }

    @Test
    void theExportIsAWorkbookWithOneSheetPerView() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/comparison/export").param("roadmap", irkutsk, kirov).with(Users.fedAnalyst()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(ComparisonWorkbook.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            var categories = workbook.getSheet(ComparisonWorkbook.CATEGORIES);
            assertThat(categories).isNotNull();
            StringBuilder text = new StringBuilder();
            categories.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append(' ')));
            assertThat(text).contains("Обучающиеся с неродным русским языком", "2.11");
            assertThat(workbook.getSheet(ComparisonWorkbook.COVERAGE).getPhysicalNumberOfRows()).isGreaterThan(2);
        }
    }

    private void check(JsonNode expected, Map<String, List<String>> actual, String region, List<String> misses) {
        expected.properties().forEach(entry -> {
            List<String> categories = actual.getOrDefault(entry.getKey(), List.of());
            entry.getValue().path("includes").forEach(c -> {
                if (!categories.contains(c.asString())) {
                    misses.add(region + " " + entry.getKey() + " lacks " + c.asString() + " " + categories);
                }
            });
            entry.getValue().path("excludes").forEach(c -> {
                if (categories.contains(c.asString())) {
                    misses.add(region + " " + entry.getKey() + " wrongly in " + c.asString());
                }
            });
        });
    }

    private JsonNode compare(RequestPostProcessor user, String... roadmaps) throws Exception {
        return compareOn(user, null, roadmaps);
    }

    private JsonNode compareOn(RequestPostProcessor user, String date, String... roadmaps) throws Exception {
        var request = get("/api/comparison").param("roadmap", roadmaps).with(user);
        if (date != null) {
            request.param("date", date);
        }
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode drillDown(RequestPostProcessor user, String roadmap, String category) throws Exception {
        var request = get("/api/comparison/items").param("roadmap", roadmap).with(user);
        if (category != null) {
            request.param("category", category);
        }
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> categoriesByNumber(JsonNode comparison, String roadmap) {
        Map<String, List<String>> byNumber = new HashMap<>();
        for (JsonNode row : comparison.at("/categories/rows")) {
            JsonNode cell = cell(row, roadmap);
            for (JsonNode number : cell.path("itemNumbers")) {
                byNumber.computeIfAbsent(number.asString(), n -> new ArrayList<>());
                if (!"UNCLASSIFIED".equals(row.path("code").asString())) {
                    byNumber.get(number.asString()).add(row.path("code").asString());
                }
            }
        }
        return byNumber;
    }

    private String itemId(String roadmap, String number) throws Exception {
        var hits = client.search(r -> r.index(names.alias(ru.school500.searchservice.indexing.IndexKind.ROADMAPS))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("roadmapId").value(roadmap)))
                        .filter(f -> f.term(t -> t.field("itemNumber").value(number))))), JsonNode.class).hits().hits();
        assertThat(hits).hasSize(1);
        return hits.getFirst().id();
    }

    private static JsonNode row(JsonNode comparison, String code) {
        for (JsonNode row : comparison.at("/categories/rows")) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static JsonNode cell(JsonNode row, String roadmap) {
        for (JsonNode cell : row.path("cells")) {
            if (cell.path("roadmapId").asString().equals(roadmap)) {
                return cell;
            }
        }
        return JSON.createObjectNode();
    }

    private static int count(JsonNode overdue) {
        int total = 0;
        for (JsonNode roadmap : overdue.path("roadmaps")) {
            total += roadmap.path("items").size();
        }
        return total;
    }
}
