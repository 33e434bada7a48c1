package ru.school500.roadmapservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import ru.school500.roadmapservice.support.IntegrationTest;
import ru.school500.roadmapservice.roadmap.KirovRoadmapMother;
import ru.school500.roadmapservice.roadmap.RoadmapApi;
import ru.school500.roadmapservice.roadmap.RoadmapHeader;
import ru.school500.roadmapservice.roadmap.RoadmapService;
import ru.school500.roadmapservice.roadmap.RoadmapView;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.security.Role;
import ru.school500.roadmapservice.security.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox and the change feed of docs/conventions.md against real PostgreSQL. */
class ChangeFeedIT extends IntegrationTest {

    private static final CurrentUser KIROV_OPERATOR = new CurrentUser("s", "kir-operator",
            Set.of(Role.REGIONAL_OPERATOR), "43", null, null);

    @Autowired
    JsonMapper json;

    @Autowired
    RoadmapService roadmaps;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    RoadmapApi api;

    @BeforeEach
    void api() {
        api = new RoadmapApi(mvc, json);
    }

    @Test
    void everyCommittedChangeIsAnOutboxRowWithTheWholeRoadmap() throws Exception {
        RoadmapView draft = api.create("kir-operator", KirovRoadmapMother.draft());
        api.approve(draft.id(), draft.version());

        JsonNode batch = feed(0, null);
        JsonNode changes = batch.get("changes");
        assertThat(changes).hasSize(2);
        JsonNode created = changes.get(0);
        assertThat(created.get("type").asString()).isEqualTo("ROADMAP");
        assertThat(created.get("id").asString()).isEqualTo(draft.id().toString());
        assertThat(created.get("version").asLong()).isZero();
        assertThat(created.get("operation").asString()).isEqualTo("UPSERT");
        assertThat(created.get("occurredAt").asString()).isNotBlank();
        JsonNode payload = created.get("payload");
        assertThat(payload.get("region").asString()).isEqualTo("43");
        assertThat(payload.get("year").asInt()).isEqualTo(2022);
        assertThat(payload.get("status").asString()).isEqualTo("DRAFT");
        assertThat(payload.get("sections")).hasSize(5);
        JsonNode firstItem = payload.get("sections").get(0).get("items").get(0);
        assertThat(firstItem.get("number").asString()).isEqualTo("1.1");
        assertThat(firstItem.get("deadline").get("periods").get(0).get("end").asString()).isEqualTo("2021-12-23");
        assertThat(firstItem.get("executors").get(1).get("shortName").asString()).isEqualTo("КОГОАУ ДПО ИРО");
        // the payload is the roadmap as the API shows it
        assertThat(json.treeToValue(payload, RoadmapView.class)).isEqualTo(draft);

        JsonNode approved = changes.get(1);
        assertThat(approved.get("version").asLong()).isEqualTo(1);
        assertThat(approved.get("payload").get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("position").asLong()).isGreaterThan(created.get("position").asLong());
        assertThat(batch.get("nextPosition").asLong()).isEqualTo(approved.get("position").asLong());
        assertThat(batch.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aRolledBackTransactionLeavesNoOutboxRow() throws Exception {
        RoadmapView draft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        assertThat(outboxRows()).isEqualTo(1);

        // the service wrote its change and its outbox row, then the transaction was rolled back
        transactions.executeWithoutResult(tx -> {
            roadmaps.updateHeader(draft.id(), 0, new RoadmapHeader(draft.level(), null, "Откатится", 2022, null, null,
                    null, null, null), KIROV_OPERATOR);
            assertThat(outboxRows()).isEqualTo(2); // visible inside the transaction only
            tx.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            roadmaps.createDraft(RoadmapApi.smallDraft("43", 2024), KIROV_OPERATOR);
            throw new IllegalStateException("сбой после записи");
        })).hasMessage("сбой после записи");
        // a request that fails (stale If-Match) writes nothing either
        mvc.perform(put("/api/roadmaps/{id}", draft.id()).with(Users.kirOperator())
                        .header(HttpHeaders.IF_MATCH, "\"5\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"REGIONAL\",\"title\":\"Нет\",\"year\":2022}"))
                .andExpect(status().isPreconditionFailed());

        assertThat(outboxRows()).isEqualTo(1);
        assertThat(jdbc.sql("select title from roadmap").query(String.class).list()).containsExactly(draft.title());
        assertThat(feed(0, null).get("changes")).hasSize(1);
    }

    @Test
    void feedPagesInPositionOrderFromACursor() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int year = 2021; year <= 2023; year++) {
            ids.add(api.create("kir-operator", RoadmapApi.smallDraft("43", year)).id());
        }
        JsonNode first = feed(0, 2);
        assertThat(first.get("changes")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        long cursor = first.get("nextPosition").asLong();
        assertThat(cursor).isEqualTo(first.get("changes").get(1).get("position").asLong());

        JsonNode second = feed(cursor, 2);
        assertThat(second.get("changes")).hasSize(1);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        long last = second.get("nextPosition").asLong();

        List<String> delivered = new ArrayList<>();
        first.get("changes").forEach(c -> delivered.add(c.get("id").asString()));
        second.get("changes").forEach(c -> delivered.add(c.get("id").asString()));
        assertThat(delivered).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());

        JsonNode nothingNew = feed(last, 2);
        assertThat(nothingNew.get("changes")).isEmpty();
        assertThat(nothingNew.get("nextPosition").asLong()).isEqualTo(last);
        // reading again from an old cursor gives the same changes (at-least-once, idempotent by id and version)
        assertThat(feed(cursor, 2).get("changes").get(0).get("id").asString()).isEqualTo(ids.get(2).toString());
    }

    @Test
    void aDeletedDraftIsADeleteChangeWithTheNextVersion() throws Exception {
        RoadmapView draft = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/roadmaps/{id}", draft.id())
                        .with(Users.kirOperator()).header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isNoContent());
        JsonNode deleted = feed(0, null).get("changes").get(1);
        assertThat(deleted.get("operation").asString()).isEqualTo("DELETE");
        assertThat(deleted.get("version").asLong()).isEqualTo(1);
        assertThat(deleted.get("payload").get("region").asString()).isEqualTo("43");
        assertThat(deleted.get("payload").has("sections")).isFalse();
    }

    @Test
    void aSlowTransactionsRowIsNeitherSkippedNorPublishedBeforeItCommits() throws Exception {
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            UUID slowId = UUID.randomUUID();
            insertOutboxRow(slow, slowId); // begun first: the smaller transaction id and outbox id
            RoadmapView fast = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022)); // commits meanwhile

            JsonNode whileSlowIsOpen = feed(0, null);
            assertThat(whileSlowIsOpen.get("changes")).isEmpty();
            assertThat(whileSlowIsOpen.get("nextPosition").asLong()).isZero();

            slow.commit();
            JsonNode afterCommit = feed(0, null);
            List<String> delivered = new ArrayList<>();
            afterCommit.get("changes").forEach(c -> delivered.add(c.get("id").asString()));
            assertThat(delivered).containsExactly(slowId.toString(), fast.id().toString());
        }
    }

    @Test
    void aFastTransactionIsNotHeldBackByOneThatStartsLater() throws Exception {
        RoadmapView fast = api.create("kir-operator", RoadmapApi.smallDraft("43", 2022));
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            UUID slowId = UUID.randomUUID();
            insertOutboxRow(slow, slowId);
            JsonNode batch = feed(0, null);
            assertThat(batch.get("changes")).hasSize(1);
            assertThat(batch.get("changes").get(0).get("id").asString()).isEqualTo(fast.id().toString());
            long cursor = batch.get("nextPosition").asLong();

            slow.rollback();
            assertThat(feed(cursor, null).get("changes")).isEmpty();
        }
        assertThat(outboxRows()).isEqualTo(1);
    }

    /**
     * The case a position taken at insert time gets wrong: A has the older transaction id, B inserts its outbox
     * row first (smaller row id), A commits and is read, B commits later. B must still be delivered after A's
     * cursor.
     */
    @Test
    void aRowInsertedEarlierButCommittedLaterIsDeliveredAfterTheCursor() throws Exception {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (var xid = a.createStatement()) {
                xid.execute("select pg_current_xact_id()"); // A's business write: A has the older transaction id
            }
            UUID bId = UUID.randomUUID();
            UUID aId = UUID.randomUUID();
            insertOutboxRow(b, bId);
            insertOutboxRow(a, aId);
            a.commit();

            JsonNode first = feed(0, null);
            assertThat(first.get("changes")).hasSize(1);
            assertThat(first.get("changes").get(0).get("id").asString()).isEqualTo(aId.toString());
            long cursor = first.get("nextPosition").asLong();

            b.commit();
            JsonNode second = feed(cursor, null);
            assertThat(second.get("changes")).hasSize(1);
            assertThat(second.get("changes").get(0).get("id").asString()).isEqualTo(bId.toString());
        }
    }

    @Test
    void feedIsForTheIndexerOnly() throws Exception {
        mvc.perform(get("/internal/changes")).andExpect(status().isUnauthorized());
        for (String user : List.of("kir-operator", "fed-analyst", "kir-ministry")) {
            mvc.perform(get("/internal/changes").with(Users.named(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/internal/changes").param("limit", "501").with(Users.indexer()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/internal/changes").param("after", "-1").with(Users.indexer()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/internal/changes").with(Users.indexer())).andExpect(status().isOk());
    }

    private JsonNode feed(long after, Integer limit) throws Exception {
        var request = get("/internal/changes").param("after", String.valueOf(after)).with(Users.indexer());
        if (limit != null) {
            request.param("limit", String.valueOf(limit));
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }

    private static void insertOutboxRow(Connection connection, UUID id) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox (type, aggregate_id, version, operation, payload)
                values ('ROADMAP', ?, 0, 'UPSERT', '{}'::jsonb)""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
    }
}
