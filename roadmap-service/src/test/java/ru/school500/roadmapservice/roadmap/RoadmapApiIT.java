package ru.school500.roadmapservice.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

import jakarta.validation.ConstraintViolationException;
import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.security.Role;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.json.JsonMapper;

class RoadmapApiIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    RoadmapService service;

    RoadmapApi api;

    @BeforeEach
    void api() {
        api = new RoadmapApi(mvc, json);
    }

    @Test
    void kirovRoadmapIsStoredAndReadBackEqual() throws Exception {
        String body = api.json(KirovRoadmapMother.draft());
        var created = mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/roadmaps/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn();
        UUID id = api.read(created, RoadmapView.class).id();

        var read = mvc.perform(get("/api/roadmaps/{id}", id).with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andReturn();
        RoadmapView view = api.read(read, RoadmapView.class);

        assertThat(KirovRoadmapMother.asDraft(view)).isEqualTo(KirovRoadmapMother.expectedReadBack());
        assertThat(view.sections()).extracting(RoadmapView.SectionView::position).containsExactly(0, 1, 2, 3, 4);
        assertThat(view.sections().stream().mapToInt(s -> s.items().size()).sum()).isEqualTo(31);
        assertThat(view.sections().get(1).items()).extracting(RoadmapView.ItemView::number)
                .containsExactly("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10");
        assertThat(view.createdBy()).isEqualTo("kir-operator");
        assertThat(view.edition()).isEqualTo(1);

        mvc.perform(get("/api/roadmaps/organisations").param("region", "43"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[?(@.shortName == 'КОГОАУ ДПО ИРО')].aliases[0]")
                        .value("КОГОАУ ДПО «Институт развития образования Кировской области»"));
    }

    /** Irkutsk's annex: 5 columns, a heading row without items, multi-paragraph cells, a self-contradicting stamp. */
    @Test
    void irkutskShapeIsStoredLosslesslyToo() throws Exception {
        OrderReference order = new OrderReference(null, "РАСПОРЯЖЕНИЕ", "294-сп", LocalDate.of(2021, 3, 14),
                "Министерство образования Иркутской области", "Иркутск", "О реализации проекта «500+»",
                "М.А. Парфенов", "Министр образования", "от 14 марта 2021 года № 294-мер");
        String ministry = "Министерство образования Иркутской области";
        String iro = "ГАУ ДПО «Институт развития образования Иркутской области»";
        RoadmapDraft irkutsk = new RoadmapDraft("38", RoadmapLevel.REGIONAL, null,
                "Региональная «ДОРОЖНАЯ КАРТА» по реализации федерального проекта «500+» в Иркутской области в 2021 году",
                2021, null, null, List.of("№ п/п", "Описание действий", "Дата реализации", "Исполнитель",
                        "Региональный показатель реализации"), order, List.of(),
                List.of(new OrganisationDraft(ministry, "МОИО", List.of(), OrganisationType.MINISTRY),
                        new OrganisationDraft("Государственное автономное учреждение дополнительного профессионального "
                                + "образования Иркутской области «Институт развития образования Иркутской области»",
                                "ГАУ ДПО ИРО", List.of(iro), OrganisationType.REGIONAL_INSTITUTE)),
                List.of(new SectionDraft("1.", "Подготовка и запуск программы.", List.of()),
                        new SectionDraft("1.", "Создание организационной инфраструктуры проекта, обеспечение кадровой "
                                + "поддержки", List.of(
                                new ItemDraft("1.1", "Разработать и утвердить нормативно-правовую базу",
                                        new Deadline("январь", DeadlineKind.ONCE, List.of(new Period(
                                                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31)))),
                                        ministry, List.of(ministry), "Наличие не менее одного нормативно-правового акта",
                                        new BigDecimal("1.00"), "акт", null, List.of(), null),
                                new ItemDraft("1.12", "Оказать муниципальным образованиям помощь\nОрганизовать "
                                        + "стратегическую сессию\n<p>Организовать сопровождение ШНОР</p>",
                                        new Deadline("в течение года", DeadlineKind.THROUGHOUT_YEAR, List.of(new Period(
                                                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)))),
                                        iro, List.of(iro), "Не менее 41 индивидуального маршрута ШНОР\nНе менее 20 служб "
                                                + "школьной медиации", new BigDecimal("41.00"), "маршрут", null, List.of(),
                                        "строка продолжена на следующей странице")))));

        RoadmapView stored = api.create("irk-operator", irkutsk);
        RoadmapView read = api.fetch("irk-operator", stored.id());
        RoadmapDraft back = KirovRoadmapMother.asDraft(read);
        List<String> executorsByFullName = List.of(irkutsk.organisations().get(1).fullName());
        SectionDraft items = irkutsk.sections().get(1);
        RoadmapDraft expected = new RoadmapDraft(irkutsk.region(), irkutsk.level(), null, irkutsk.title(), 2021, null,
                null, irkutsk.columnHeadings(), order, List.of(), List.of(), List.of(irkutsk.sections().getFirst(),
                        new SectionDraft(items.number(), items.title(), List.of(items.items().get(0),
                                withExecutors(items.items().get(1), executorsByFullName)))));
        assertThat(back).isEqualTo(expected);
        assertThat(read.approvingOrder().annexCitation()).contains("294-мер");
        assertThat(read.sections().getFirst().items()).isEmpty();
    }

    private static ItemDraft withExecutors(ItemDraft item, List<String> executors) {
        return new ItemDraft(item.number(), item.task(), item.deadline(), item.executorsText(), executors,
                item.indicatorText(), item.indicatorQuantity(), item.indicatorUnit(), item.informationText(),
                item.links(), item.notes());
    }

    @Test
    void storingTheSameOrganisationsAgainMergesThemPerRegion() throws Exception {
        api.create("kir-operator", KirovRoadmapMother.draft());
        api.create("kir-operator", KirovRoadmapMother.draft());
        assertThat(jdbc.sql("select count(*) from organisation where region = '43'").query(Long.class).single())
                .isEqualTo(8);
    }

    @Test
    void importerEntryPointValidatesTheDraftAndNamesTheField() {
        CurrentUser operator = new CurrentUser("s", "kir-operator", java.util.Set.of(Role.REGIONAL_OPERATOR), "43",
                null, null);
        RoadmapDraft noTitle = new RoadmapDraft("43", RoadmapLevel.REGIONAL, null, " ", 2022, null, null, null, null,
                null, null, null);
        assertThatThrownBy(() -> service.createDraft(noTitle, operator))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> assertThat(v.getPropertyPath().toString()).endsWith("title")));

        RoadmapDraft small = RoadmapApi.smallDraft("43", 2022);
        SectionDraft section = small.sections().getFirst();
        ItemDraft item = section.items().getFirst();
        RoadmapDraft unknownExecutor = new RoadmapDraft("43", small.level(), null, small.title(), 2022, null, null,
                null, null, null, small.organisations(), List.of(new SectionDraft("1.", "Раздел", List.of(
                        new ItemDraft("1.1", item.task(), item.deadline(), "ИРО 43, Гороно", List.of("ИРО 43", "Гороно"),
                                null, null, null, null, null, null)))));
        assertThatThrownBy(() -> service.createDraft(unknownExecutor, operator))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties()).containsKey("fields");
                    assertThat(e.getBody().getProperties().get("fields").toString())
                            .contains("sections[0].items[0].executors[1]");
                });
        assertThat(jdbc.sql("select count(*) from roadmap").query(Long.class).single()).isZero();
    }

    @Test
    void validationErrorsAre400ProblemsNamingTheFields() throws Exception {
        String invalid = """
                {"region":"43","level":"REGIONAL","title":"","sections":[{"title":"Раздел","items":[
                  {"number":"1.1","task":"","deadline":{"text":"март","kind":"ONCE",
                   "periods":[{"start":"2022-03-31","end":"2022-03-01"}]},"links":["не ссылка"]}]}]}""";
        mvc.perform(post("/api/roadmaps").with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fields.title").exists())
                .andExpect(jsonPath("$.fields.yearOrPeriod").value("укажите год или период (начало и конец)"))
                .andExpect(jsonPath("$.fields['sections[0].items[0].task']").exists())
                .andExpect(jsonPath("$.fields['sections[0].items[0].deadline.periods[0].ordered']").exists())
                .andExpect(jsonPath("$.fields['sections[0].items[0].links[0]']").exists())
                .andExpect(jsonPath("$.detail", containsString("Проверьте поля")));
        assertThat(jdbc.sql("select count(*) from roadmap").query(Long.class).single()).isZero();
    }

    @Test
    void unknownRoadmapIs404Problem() throws Exception {
        mvc.perform(get("/api/roadmaps/{id}", UUID.randomUUID()).with(Users.fedAnalyst()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Дорожная карта не найдена."));
        mvc.perform(get("/api/roadmaps/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.id").exists());
    }

    @Test
    void approveThenNewVersionSupersedesTheApprovedOne() throws Exception {
        RoadmapView draft = api.create("kir-operator", KirovRoadmapMother.draft());
        RoadmapView approved = api.approve(draft.id(), 0);
        assertThat(approved.status()).isEqualTo(RoadmapStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(1);
        assertThat(approved.approvedBy()).isEqualTo("kir-ministry");

        // an approved roadmap is never edited in place
        mvc.perform(put("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(headerWith(approved, "Новое название"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // nor approved twice
        mvc.perform(post("/api/roadmaps/{id}/approve", draft.id()).with(Users.kirMinistry())
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isConflict());

        var created = mvc.perform(post("/api/roadmaps/{id}/new-version", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.edition").value(2))
                .andExpect(jsonPath("$.previousId").value(draft.id().toString()))
                .andReturn();
        RoadmapView next = api.read(created, RoadmapView.class);
        assertThat(next.approvingOrder()).isNull();
        assertThat(KirovRoadmapMother.asDraft(next).sections()).isEqualTo(KirovRoadmapMother.expectedReadBack().sections());
        assertThat(next.sections().getFirst().id()).isNotEqualTo(approved.sections().getFirst().id());

        mvc.perform(post("/api/roadmaps/{id}/new-version", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isConflict());

        var approveNext = mvc.perform(post("/api/roadmaps/{id}/approve", next.id()).with(Users.kirMinistry())
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"approvingOrder":{"kind":"РАСПОРЯЖЕНИЕ","number":"1001","date":"2022-09-01",
                                 "authority":"Министерство образования Кировской области"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvingOrder.number").value("1001"))
                .andReturn();
        assertThat(api.read(approveNext, RoadmapView.class).edition()).isEqualTo(2);

        RoadmapView old = api.fetch("kir-school1", draft.id());
        assertThat(old.status()).isEqualTo(RoadmapStatus.SUPERSEDED);
        assertThat(old.supersededById()).isEqualTo(next.id());
        assertThat(old.version()).isEqualTo(2);
    }

    @Test
    void staleWriteIs412AndMissingIfMatchIs428() throws Exception {
        RoadmapView draft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        mvc.perform(put("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(headerWith(draft, "Первое изменение"))))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.title").value("Первое изменение"));

        mvc.perform(put("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(headerWith(draft, "Потерянное изменение"))))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.detail", containsString("уже изменена")));

        mvc.perform(put("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .contentType(MediaType.APPLICATION_JSON).content(api.json(headerWith(draft, "Без версии"))))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/api/roadmaps/{id}/sections", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"2.\",\"title\":\"Раздел\"}"))
                .andExpect(status().isPreconditionFailed());

        assertThat(api.fetch("kir-operator", draft.id()).title()).isEqualTo("Первое изменение");
    }

    @Test
    void sectionsAndItemsAreEditedInOrderAndEachWriteBumpsTheRoadmapVersion() throws Exception {
        RoadmapView draft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        var sectionResult = mvc.perform(post("/api/roadmaps/{id}/sections", draft.id())
                        .with(Users.kirOperator()).header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"0.\",\"title\":\"Подготовка\",\"position\":0}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.position").value(0))
                .andReturn();
        UUID sectionId = api.read(sectionResult, RoadmapView.SectionView.class).id();

        ItemDraft item = new ItemDraft("0.1", "Создать рабочую группу", new Deadline("до 01.02.2022",
                DeadlineKind.ONCE, List.of(new Period(null, LocalDate.of(2022, 2, 1)))), "ИРО 43",
                List.of("ИРО 43"), "Не менее 41 индивидуального маршрута", new BigDecimal("41"), "маршрут",
                "сайт: https://example.org/500", List.of("https://example.org/500"), "примечание");
        var itemResult = mvc.perform(post("/api/roadmaps/{id}/sections/{s}/items", draft.id(), sectionId)
                        .with(Users.kirOperator()).header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(api.json(item)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.executors[0].shortName").value("ИРО 43"))
                .andExpect(jsonPath("$.indicatorQuantity").value(41))
                .andReturn();
        UUID itemId = api.read(itemResult, RoadmapView.ItemView.class).id();

        ItemDraft changed = new ItemDraft("0.1", "Создать и утвердить рабочую группу", item.deadline(), null,
                List.of(), null, null, null, null, List.of(), null);
        mvc.perform(put("/api/roadmaps/{id}/items/{i}", draft.id(), itemId).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"2\"").contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(changed)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.task").value("Создать и утвердить рабочую группу"))
                .andExpect(jsonPath("$.executors.length()").value(0));
        mvc.perform(get("/api/roadmaps/{id}/items/{i}", draft.id(), itemId).with(Users.kirOperator()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.deadline.periods[0].end").value("2022-02-01"));

        RoadmapView withSection = api.fetch("kir-operator", draft.id());
        assertThat(withSection.sections()).extracting(RoadmapView.SectionView::title)
                .containsExactly("Подготовка", "Организационные мероприятия");

        mvc.perform(put("/api/roadmaps/{id}/sections/{s}", draft.id(), sectionId).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"9.\",\"title\":\"Подготовка (в конце)\",\"position\":5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value(1));
        mvc.perform(delete("/api/roadmaps/{id}/items/{i}", draft.id(), itemId).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"4\""))
                .andExpect(status().isNoContent())
                .andExpect(header().string(HttpHeaders.ETAG, "\"5\""));
        mvc.perform(get("/api/roadmaps/{id}/items/{i}", draft.id(), itemId).with(Users.kirOperator()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/roadmaps/{id}/sections/{s}/items", draft.id(), sectionId)
                        .with(Users.kirOperator()).header(HttpHeaders.IF_MATCH, "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content(api.json(new ItemDraft("0.2", "Задача",
                                item.deadline(), "Гороно", List.of("Гороно"), null, null, null, null, null, null))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields['executors[0]']").exists());
        mvc.perform(delete("/api/roadmaps/{id}/sections/{s}", draft.id(), sectionId).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"5\""))
                .andExpect(status().isNoContent());
        RoadmapView after = api.fetch("kir-operator", draft.id());
        assertThat(after.sections()).extracting(RoadmapView.SectionView::title).containsExactly("Организационные мероприятия");
        assertThat(after.version()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from roadmap_item").query(Long.class).single()).isEqualTo(1);

        mvc.perform(delete("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"6\""))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from roadmap").query(Long.class).single()).isZero();
    }

    @Test
    void listFiltersAndPagesInAStableShape() throws Exception {
        RoadmapView kirov2022 = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        RoadmapView kirov2021 = api.create("kir-operator", RoadmapApi.smallDraft("43", 2021));
        api.approve(kirov2021.id(), 0);
        api.create("irk-operator", RoadmapApi.smallDraft("38", 2021));

        mvc.perform(get("/api/roadmaps").with(Users.fedAnalyst()).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content[0].region").value("38"))
                .andExpect(jsonPath("$.content[1].id").value(kirov2022.id().toString()));
        mvc.perform(get("/api/roadmaps").with(Users.fedAnalyst()).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(kirov2021.id().toString()));
        mvc.perform(get("/api/roadmaps").with(Users.fedAnalyst()).param("region", "43").param("year", "2021"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].status").value("APPROVED"));
        mvc.perform(get("/api/roadmaps").with(Users.fedAnalyst()).param("status", "DRAFT")
                        .param("level", "REGIONAL"))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/roadmaps").with(Users.fedAnalyst()).param("level", "MUNICIPAL"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/roadmaps").param("status", "ARCHIVED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.status").exists());
        mvc.perform(get("/api/roadmaps").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.size").exists());
    }

    @Test
    void openApiDescribesTheRoadmapEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/roadmaps/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/roadmaps/{id}/overdue'].get").exists())
                .andExpect(jsonPath("$.components.schemas.RoadmapView").exists());
    }

    private static RoadmapHeader headerWith(RoadmapView view, String title) {
        return new RoadmapHeader(view.level(), view.municipality(), title, view.year(), view.periodStart(),
                view.periodEnd(), view.columnHeadings(), view.approvingOrder(), view.repealedOrders());
    }
}
