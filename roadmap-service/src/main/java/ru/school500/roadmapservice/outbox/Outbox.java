package ru.school500.roadmapservice.outbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a change into the outbox inside the caller's business transaction (MANDATORY: there is no
 * outbox row without one), so a rollback leaves nothing behind. The row records its transaction id; it gets a
 * feed position only once that transaction has completed ({@link ChangeFeed}).
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String type, UUID id, long version, ChangeOperation operation, Object payload) {
        jdbc.sql("""
                insert into outbox (type, aggregate_id, version, operation, payload)
                values (:type, :id, :version, :operation, cast(:payload as jsonb))""")
                .param("type", type)
                .param("id", id)
                .param("version", version)
                .param("operation", operation.name())
                .param("payload", json.writeValueAsString(payload))
                .update();
    }
}
