package ru.school500.roadmapservice.outbox;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the outbox as an ordered feed.
 * <p>
 * Visibility: an outbox row stores {@code pg_current_xact_id()} of the business transaction. Before reading, the
 * feed gives positions (from the sequence {@code outbox_position}) to the rows not positioned yet whose
 * transaction id is below {@code pg_snapshot_xmin(pg_current_snapshot())}, i.e. whose transaction has ended, in
 * one step serialised by a transaction-scoped advisory lock. Positions therefore follow completion order: a slow
 * transaction's row, even if inserted before a fast one's, is positioned after it once it commits, so a reader's
 * cursor never passes over it. A rolled-back transaction's row is never visible, so never positioned.
 */
@Service
public class ChangeFeed {

    /** Key of the advisory lock that serialises position assignment (any constant unique in this database). */
    private static final long SEQUENCER_LOCK = 0x5_00_0001L;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ChangeFeedProperties properties;

    ChangeFeed(JdbcClient jdbc, JsonMapper json, ChangeFeedProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    @Transactional
    public ChangeBatch after(long after, Integer requestedLimit) {
        int limit = requestedLimit == null ? properties.defaultLimit()
                : Math.max(1, Math.min(requestedLimit, properties.maxLimit()));
        assignPositions();
        List<Change> rows = jdbc.sql("""
                select position, type, aggregate_id, version, operation, occurred_at, payload::text as payload
                from outbox where position > :after order by position limit :limit""")
                .param("after", after)
                .param("limit", limit + 1)
                .query((rs, n) -> new Change(rs.getLong("position"), rs.getString("type"),
                        rs.getObject("aggregate_id", UUID.class), rs.getLong("version"),
                        ChangeOperation.valueOf(rs.getString("operation")),
                        rs.getObject("occurred_at", Timestamp.class).toInstant(), json.readTree(rs.getString("payload"))))
                .list();
        boolean hasMore = rows.size() > limit;
        List<Change> page = hasMore ? rows.subList(0, limit) : rows;
        long next = page.isEmpty() ? after : page.getLast().position();
        return new ChangeBatch(List.copyOf(page), next, hasMore);
    }

    private void assignPositions() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEQUENCER_LOCK).query().singleRow();
        jdbc.sql("""
                update outbox o set position = s.position
                from (select id, nextval('outbox_position') as position
                      from (select id from outbox
                            where position is null and xid < pg_snapshot_xmin(pg_current_snapshot())
                            order by id) finished) s
                where o.id = s.id""").update();
    }
}
