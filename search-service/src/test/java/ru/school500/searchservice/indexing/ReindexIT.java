package ru.school500.searchservice.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.json.JsonMapper;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.Changes;
import ru.school500.searchservice.support.IntegrationTest;

class ReindexIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexNames names;

    @Test
    void aReindexSwapsTheIndexWhileSearchesKeepFindingEverything() throws Exception {
        String marker = "r" + Long.toString(System.nanoTime(), 36);
        List<FeedChange> changes = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            changes.add(Changes.practice(Changes.newId()).title("Практика наставничества " + i + " " + marker).change());
        }
        index(changes.toArray(FeedChange[]::new));
        String before = onlyIndexBehind(names.alias(IndexKind.PRACTICES));

        AtomicBoolean reindexing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> totals = new ConcurrentLinkedQueue<>();
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (reindexing.get()) {
                totals.add(total("наставничество " + marker));
            }
        }, threads);
        CompletableFuture<IndexAdmin.ReindexReport> reindex = CompletableFuture.supplyAsync(() -> {
            try {
                return admin.reindex(IndexKind.PRACTICES);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
        String lateId = Changes.newId();
        index(Changes.practice(lateId).title("Поздняя практика наставничества " + marker).change());
        IndexAdmin.ReindexReport report = reindex.get();
        reindexing.set(false);
        searching.get();

        assertThat(report.from()).containsExactly(before);
        assertThat(onlyIndexBehind(names.alias(IndexKind.PRACTICES))).isEqualTo(report.to()).isNotEqualTo(before);
        assertThat(client.indices().exists(e -> e.index(before)).value()).isFalse();
        assertThat(totals).isNotEmpty().allMatch(total -> total == 1200 || total == 1201);
        assertThat(total("наставничество " + marker)).isEqualTo(1201);
        assertThat(total("поздняя " + marker)).isEqualTo(1);
    }

    @Test
    void theAdminEndpointIsForTheIndexerOnlyAndNamesUnknownKinds() throws Exception {
        mvc.perform(post("/internal/admin/reindex")).andExpect(status().isUnauthorized());
        mvc.perform(post("/internal/admin/reindex").with(Users.fedAnalyst())).andExpect(status().isForbidden());
        mvc.perform(post("/internal/admin/reindex").param("kind", "everything").with(Users.indexer()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/internal/admin/reindex").param("kind", "documents").with(Users.indexer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].kind").value("DOCUMENTS"));
        mvc.perform(get("/internal/admin/status").with(Users.indexer())).andExpect(status().isOk());
    }

    private long total(String q) {
        try {
            String body = mvc.perform(get("/api/search").param("q", q).param("size", "1")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            return JSON.readTree(body).path("total").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private String onlyIndexBehind(String alias) throws java.io.IOException {
        var indices = client.indices().getAlias(g -> g.name(alias)).result().keySet();
        assertThat(indices).hasSize(1);
        return indices.iterator().next();
    }
}
