package ru.school500.searchservice.indexing;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;

/**
 * Creates the indices behind their aliases and rebuilds them without downtime. A reindex creates a new
 * index from the current schema files, registers it as a second write target (the feed indexer writes
 * every change to both from then on), copies the old index into it keeping each record's external
 * version, then swaps the alias atomically and drops the old index. Searches read the alias throughout.
 * The integ-test distribution of Elasticsearch has no {@code _reindex} API, hence the copy here.
 */
@Service
public class IndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);
    private static final int COPY_PAGE = 500;
    private static final Duration OLD_INDEX_GRACE = Duration.ofSeconds(2);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final IndexSchemas schemas;
    private final Map<IndexKind, String> extraWriteTargets = new ConcurrentHashMap<>();
    /** Batches hold the read lock while writing; target changes take the write lock between batches. */
    private final ReentrantReadWriteLock targetsLock = new ReentrantReadWriteLock();
    private final Set<IndexKind> reindexing = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;

    IndexAdmin(ElasticsearchClient client, IndexNames names, IndexSchemas schemas) {
        this.client = client;
        this.names = names;
        this.schemas = schemas;
    }

    /** Creates whatever index or alias is missing; cheap once everything exists. One caller at a time. */
    public synchronized void ensureIndices() throws IOException {
        if (ready) {
            return;
        }
        for (IndexKind kind : IndexKind.values()) {
            if (!client.indices().existsAlias(e -> e.name(names.alias(kind))).value()) {
                String index = names.newIndex(kind, IndexSchemas.SCHEMA);
                createIndex(kind, index, true);
                log.info("created index {} behind alias {}", index, names.alias(kind));
            }
        }
        createPlainIndex(names.state(), """
                {"dynamic": false, "properties": {"position": {"type": "long"}, "updatedAt": {"type": "date"}}}""");
        createPlainIndex(names.overrides(), """
                {"dynamic": false, "properties": {"region": {"type": "keyword"}, "categories": {"type": "keyword"},
                 "updatedAt": {"type": "date"}}}""");
        ready = true;
    }

    /** Forgets that the indices exist (after Elasticsearch was unreachable or reset). */
    public void markUnknown() {
        ready = false;
    }

    /**
     * The oldest schema ({@code _meta.schema} of the mapping) among the indices behind the kind's alias; 0 if
     * an index has none.
     */
    public int schemaOf(IndexKind kind) throws IOException {
        int oldest = Integer.MAX_VALUE;
        for (var mapping : client.indices().getMapping(g -> g.index(names.alias(kind))).result().values()) {
            JsonData schema = mapping.mappings().meta() == null ? null : mapping.mappings().meta().get("schema");
            oldest = Math.min(oldest, schema == null ? 0 : schema.to(Integer.class));
        }
        return oldest == Integer.MAX_VALUE ? 0 : oldest;
    }

    /** The indices a change of this kind is written to: the alias, plus the new index during a reindex. */
    public List<String> writeTargets(IndexKind kind) {
        List<String> targets = new ArrayList<>(2);
        targets.add(names.alias(kind));
        String extra = extraWriteTargets.get(kind);
        if (extra != null) {
            targets.add(extra);
        }
        return targets;
    }

    /** Held by the feed indexer while it writes one batch, so targets never change under a batch. */
    public ReentrantReadWriteLock.ReadLock batchLock() {
        return targetsLock.readLock();
    }

    public ReindexReport reindex(IndexKind kind) throws IOException {
        if (!reindexing.add(kind)) {
            throw new ReindexInProgressException(kind);
        }
        Instant started = Instant.now();
        try {
            ensureIndices();
            String alias = names.alias(kind);
            List<String> current = List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
            String target = names.newIndex(kind, IndexSchemas.SCHEMA);
            createIndex(kind, target, false);
            withTargetsLocked(() -> extraWriteTargets.put(kind, target));
            long copied = 0;
            try {
                for (String source : current) {
                    copied += copy(source, target);
                }
                client.indices().refresh(r -> r.index(target));
                withTargetsLocked(() -> {
                    swapAlias(alias, current, target);
                    extraWriteTargets.remove(kind);
                });
            } catch (IOException | RuntimeException e) {
                withTargetsLocked(() -> extraWriteTargets.remove(kind));
                client.indices().delete(d -> d.index(target).ignoreUnavailable(true));
                throw e;
            }
            // searches that resolved the alias just before the swap may still be running on the old index
            pause(OLD_INDEX_GRACE);
            for (String old : current) {
                client.indices().delete(d -> d.index(old).ignoreUnavailable(true));
            }
            Duration took = Duration.between(started, Instant.now());
            log.info("reindexed {}: {} → {}, {} records in {} ms", alias, current, target, copied, took.toMillis());
            return new ReindexReport(kind, current, target, copied, took.toMillis());
        } finally {
            reindexing.remove(kind);
        }
    }

    private long copy(String source, String target) throws IOException {
        long copied = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<JsonData> page = client.search(s -> {
                s.index(source).size(COPY_PAGE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                        .query(q -> q.matchAll(m -> m));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, JsonData.class);
            List<Hit<JsonData>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return copied;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<JsonData> hit : hits) {
                JsonData doc = hit.source();
                long version = doc.toJson().asJsonObject().getJsonNumber("sourceVersion").longValue();
                bulk.operations(op -> op.index(i -> i.index(target).id(hit.id()).version(version)
                        .versionType(VersionType.External).document(doc)));
            }
            BulkResponse response = client.bulk(bulk.build());
            BulkFailures.throwIfAny(response);
            copied += hits.size();
            after = hits.getLast().sort();
        }
    }

    private void swapAlias(String alias, List<String> current, String target) {
        try {
            client.indices().updateAliases(u -> {
                for (String old : current) {
                    u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
                }
                return u.actions(a -> a.add(add -> add.index(target).alias(alias).isWriteIndex(true)));
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pause(Duration grace) {
        try {
            Thread.sleep(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void withTargetsLocked(Runnable change) {
        targetsLock.writeLock().lock();
        try {
            change.run();
        } finally {
            targetsLock.writeLock().unlock();
        }
    }

    private void createIndex(IndexKind kind, String index, boolean withAlias) throws IOException {
        client.indices().create(c -> {
            c.index(index)
                    .settings(s -> s.withJson(new StringReader(schemas.settings())))
                    .mappings(m -> m.withJson(new StringReader(schemas.mapping(kind))));
            if (withAlias) {
                c.aliases(names.alias(kind), a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    private void createPlainIndex(String index, String mapping) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return;
        }
        client.indices().create(c -> c.index(index)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                .mappings(m -> m.withJson(new StringReader(mapping))));
    }

    public record ReindexReport(IndexKind kind, List<String> from, String to, long records, long tookMillis) {
    }

    public static final class ReindexInProgressException extends RuntimeException {
        ReindexInProgressException(IndexKind kind) {
            super("reindex of " + kind + " is already running");
        }
    }
}
