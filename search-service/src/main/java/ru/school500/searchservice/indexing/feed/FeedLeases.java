package ru.school500.searchservice.indexing.feed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonObject;

import ru.school500.searchservice.indexing.IndexNames;

/**
 * One instance at a time pulls each feed: the holder of its lease, a document {@code lease-<feed>} in the
 * state index (holder, expiry). A free or expired lease is taken and a held one renewed with Elasticsearch's
 * optimistic concurrency ({@code if_seq_no}/{@code if_primary_term}, or create-only for a new one), so two
 * instances racing for it cannot both win. The holder renews when a third of the lease has passed; an
 * instance that dies stops renewing and another takes the feed over when the lease expires; one that stops
 * gracefully releases it at once. Should a paused holder and its successor overlap for a moment, both index
 * the same changes: harmless, the writes are versioned.
 */
@Component
class FeedLeases {

    private static final Logger log = LoggerFactory.getLogger(FeedLeases.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final Duration duration;
    private final String holder;
    private final Clock clock;
    /** Until when (epoch ms) this instance knows it holds each feed without asking Elasticsearch again. */
    private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

    @Autowired
    FeedLeases(ElasticsearchClient client, IndexNames names, FeedProperties properties) {
        this(client, names, properties.leaseDuration(), instanceName(), Clock.systemUTC());
    }

    FeedLeases(ElasticsearchClient client, IndexNames names, Duration duration, String holder, Clock clock) {
        this.client = client;
        this.names = names;
        this.duration = duration;
        this.holder = holder;
        this.clock = clock;
    }

    String holder() {
        return holder;
    }

    /** Whether this instance may pull the feed now: it holds the lease, or has just taken or renewed it. */
    boolean hold(String feed) throws IOException {
        long now = clock.millis();
        Long until = heldUntil.get(feed);
        if (until != null && until - now > duration.toMillis() * 2 / 3) {
            return true;
        }
        GetResponse<JsonData> current = client.get(g -> g.index(names.state()).id(id(feed)), JsonData.class);
        Map<String, Object> lease = Map.of("holder", holder, "expiresAt", now + duration.toMillis());
        try {
            if (!current.found() || current.source() == null) {
                client.index(i -> i.index(names.state()).id(id(feed)).opType(OpType.Create).document(lease));
            } else {
                JsonObject existing = current.source().toJson().asJsonObject();
                boolean mine = holder.equals(existing.getString("holder", ""));
                if (!mine && existing.getJsonNumber("expiresAt").longValue() > now) {
                    heldUntil.remove(feed);
                    return false;
                }
                client.index(i -> i.index(names.state()).id(id(feed)).document(lease)
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
                if (!mine) {
                    log.info("feed {}: took over the lease of {}", feed, existing.getString("holder", "?"));
                }
            }
        } catch (ElasticsearchException conflict) {
            if (conflict.status() != 409) {
                throw conflict;
            }
            heldUntil.remove(feed);
            return false;
        } catch (ResponseException conflict) {
            // the low-level client reports a lost race (409 version conflict) this way
            if (conflict.getResponse().getStatusLine().getStatusCode() != 409) {
                throw conflict;
            }
            heldUntil.remove(feed);
            return false;
        }
        heldUntil.put(feed, now + duration.toMillis());
        return true;
    }

    /** Gives the feed up (graceful stop), so another instance takes it at its next poll. */
    void release(String feed) {
        if (heldUntil.remove(feed) == null) {
            return;
        }
        try {
            GetResponse<JsonData> current = client.get(g -> g.index(names.state()).id(id(feed)), JsonData.class);
            if (current.found() && current.source() != null
                    && holder.equals(current.source().toJson().asJsonObject().getString("holder", ""))) {
                client.delete(d -> d.index(names.state()).id(id(feed))
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            }
        } catch (IOException | ElasticsearchException e) {
            log.info("feed {}: lease not released ({}); it expires in {}", feed, e.getMessage(), duration);
        }
    }

    private static String id(String feed) {
        return "lease-" + feed;
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
