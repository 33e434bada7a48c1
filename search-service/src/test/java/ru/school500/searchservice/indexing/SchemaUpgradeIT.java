package ru.school500.searchservice.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;

import ru.school500.searchservice.support.SchemaOne;
import ru.school500.searchservice.support.IntegrationTest;

/** Indices left by the previous release (schema 1: hunspell + stemmer) are rebuilt on the current schema. */
class SchemaUpgradeIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexSchemas schemas;

    @Test
    void anIndexOnAnOlderSchemaIsReindexedOnTheCurrentOneAndKeepsItsRecords() throws Exception {
        String prefix = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        IndexNames names = new IndexNames(prefix, Clock.systemUTC());
        String old = names.newIndex(IndexKind.PRACTICES, 1);
        String alias = names.alias(IndexKind.PRACTICES);
        SchemaOne.createPracticesIndex(client, old);
        client.indices().putAlias(a -> a.index(old).name(alias).isWriteIndex(true));
        client.index(i -> i.index(alias).id("p1").version(3L).versionType(VersionType.External).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True).document(Map.of("id", "p1", "kind", "practices",
                "type", "PRACTICE", "title", "Дефицит кадров в сельской школе", "readers", List.of("public"),
                "deleted", false, "sourceVersion", 3)));
        IndexAdmin admin = new IndexAdmin(client, names, schemas);
        assertThat(admin.schemaOf(IndexKind.PRACTICES)).isEqualTo(1);

        List<IndexAdmin.ReindexReport> reports = new SchemaUpgrade(admin).upgrade();

        assertThat(reports).extracting(IndexAdmin.ReindexReport::kind).containsExactly(IndexKind.PRACTICES);
        assertThat(reports.getFirst().from()).containsExactly(old);
        assertThat(admin.schemaOf(IndexKind.PRACTICES)).isEqualTo(IndexSchemas.SCHEMA);
        assertThat(client.indices().exists(e -> e.index(old)).value()).isFalse();
        var found = client.search(s -> s.index(alias).query(q -> q.match(m -> m.field("title").query("дефицитов"))),
                Map.class);
        assertThat(found.hits().hits()).extracting(h -> h.id()).containsExactly("p1");
        var doc = client.get(g -> g.index(alias).id("p1"), Map.class);
        assertThat(doc.version()).isEqualTo(3L);
        assertThat(new SchemaUpgrade(admin).upgrade()).as("nothing left to upgrade").isEmpty();
        client.indices().delete(d -> d.index(prefix + "-*"));
    }
}
