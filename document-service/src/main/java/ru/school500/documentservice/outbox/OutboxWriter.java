package ru.school500.documentservice.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a change to the outbox inside the business transaction (never after commit): a rollback leaves
 * no row. Writers take a transaction-scoped advisory lock before taking a position, so positions are
 * handed out in commit order; together with the feed's {@code xid < pg_snapshot_xmin(...)} filter a reader
 * can never see position n+1 and later find an n committed behind it.
 */
@Component
public class OutboxWriter {

    /** Arbitrary constant naming this service's outbox lock. */
    private static final long OUTBOX_LOCK = 0x500_0D0CL;

    public enum Type { DOCUMENT, PRACTICE }

    public enum Operation { UPSERT, DELETE }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    OutboxWriter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Type type, UUID aggregateId, long version, Operation operation, Object payload) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(OUTBOX_LOCK).query(Object.class).single();
        jdbc.sql("""
                insert into outbox (type, aggregate_id, version, operation, occurred_at, payload)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(type.name(), aggregateId, version, operation.name(), Timestamp.from(clock.instant()),
                        json.writeValueAsString(payload))
                .update();
    }
}
