package ru.school500.searchservice.indexing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;

import ru.school500.searchservice.indexing.ChangeTranslator.StaleItemSweep;

/**
 * Writes a batch of feed changes: every record with external versioning (a replayed or older change is a
 * harmless version conflict), to every write target of its kind, refreshed at once so it is searchable
 * when the batch returns. Only after this returns may the caller move its feed cursor.
 */
@Service
public class ChangeIndexer {

    private static final int MAX_ITEMS_PER_ROADMAP = 10_000;

    private final ElasticsearchClient client;
    private final IndexAdmin admin;
    private final IndexNames names;
    private final ChangeTranslator translator;
    private final ApplicationEventPublisher events;

    static final int MAX_OPERATIONS_PER_BULK = 500;

    ChangeIndexer(ElasticsearchClient client, IndexAdmin admin, IndexNames names, ChangeTranslator translator,
            ApplicationEventPublisher events) {
        this.client = client;
        this.admin = admin;
        this.names = names;
        this.translator = translator;
        this.events = events;
    }

    public void apply(List<FeedChange> changes) throws IOException {
        ChangeTranslator.Translation translation = translator.translate(changes);
        Lock batch = admin.batchLock();
        batch.lock();
        try {
            write(translation.docs());
            for (StaleItemSweep sweep : translation.sweeps()) {
                write(staleItems(sweep));
            }
        } finally {
            batch.unlock();
        }
        List<IndexedDoc> items = translation.docs().stream()
                .filter(doc -> RoadmapDocuments.ITEM.equals(doc.source().get("type"))).toList();
        List<String> tasks = items.stream().filter(doc -> doc.source().get("task") != null)
                .map(doc -> String.valueOf(doc.source().get("task"))).toList();
        Map<String, Long> roadmaps = new HashMap<>();
        items.forEach(doc -> roadmaps.merge(String.valueOf(doc.source().get("roadmapId")), doc.version(), Math::max));
        if (!items.isEmpty()) {
            events.publishEvent(new RoadmapItemsIndexed(tasks, roadmaps));
        }
    }

    /**
     * Writes in bulk requests of at most {@value #MAX_OPERATIONS_PER_BULK} operations, in order. A feed batch of
     * 200 roadmap changes is up to 20 000 item records: as one request it outlasts the client's socket timeout on a
     * loaded cluster, fails, and is retried whole for ever, so the feed never moves past it.
     */
    private void write(List<IndexedDoc> docs) throws IOException {
        BulkRequest.Builder bulk = null;
        int operations = 0;
        for (IndexedDoc doc : docs) {
            for (String target : admin.writeTargets(doc.kind())) {
                if (bulk == null) {
                    bulk = new BulkRequest.Builder().refresh(Refresh.True);
                }
                bulk.operations(op -> op.index(i -> i.index(target).id(doc.id()).version(doc.version())
                        .versionType(VersionType.External).document(doc.source())));
                if (++operations == MAX_OPERATIONS_PER_BULK) {
                    BulkFailures.throwIfAny(client.bulk(bulk.build()));
                    bulk = null;
                    operations = 0;
                }
            }
        }
        if (bulk != null) {
            BulkFailures.throwIfAny(client.bulk(bulk.build()));
        }
    }

    private List<IndexedDoc> staleItems(StaleItemSweep sweep) throws IOException {
        SearchResponse<JsonData> stale = client.search(s -> s.index(names.alias(IndexKind.ROADMAPS))
                .size(MAX_ITEMS_PER_ROADMAP).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("roadmapId").value(sweep.roadmapId())))
                        .filter(f -> f.term(t -> t.field("deleted").value(false)))
                        .filter(f -> f.range(r -> r.number(n -> n.field("sourceVersion").lt((double) sweep.version())))))),
                JsonData.class);
        return stale.hits().hits().stream()
                .map(hit -> IndexedDoc.tombstone(IndexKind.ROADMAPS, hit.id(), sweep.version(),
                        hit.id().equals(sweep.roadmapId()) ? RoadmapDocuments.ROADMAP : RoadmapDocuments.ITEM,
                        sweep.roadmapId()))
                .toList();
    }
}
