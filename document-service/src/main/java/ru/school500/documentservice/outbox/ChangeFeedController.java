package ru.school500.documentservice.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/changes}: the change feed of docs/conventions.md for search-service (ROLE_INDEXER,
 * enforced in SecurityConfig). Only rows of transactions older than every running one are served.
 */
@RestController
@Validated
class ChangeFeedController {

    record Change(long position, String type, UUID id, long version, String operation, Instant occurredAt,
            JsonNode payload) {
    }

    record ChangePage(List<Change> changes, long nextPosition, boolean hasMore) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeFeedController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/internal/changes")
    @Transactional(readOnly = true)
    public ChangePage changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        List<Change> rows = jdbc.sql("""
                select position, type, aggregate_id, version, operation, occurred_at, payload::text as payload
                from outbox
                where position > ? and xid < pg_snapshot_xmin(pg_current_snapshot())
                order by position
                limit ?""")
                .params(after, limit + 1)
                .query((rs, n) -> new Change(rs.getLong("position"), rs.getString("type"),
                        rs.getObject("aggregate_id", UUID.class), rs.getLong("version"), rs.getString("operation"),
                        rs.getTimestamp("occurred_at").toInstant(), json.readTree(rs.getString("payload"))))
                .list();
        boolean hasMore = rows.size() > limit;
        List<Change> page = hasMore ? rows.subList(0, limit) : rows;
        long next = page.isEmpty() ? after : page.getLast().position();
        return new ChangePage(List.copyOf(page), next, hasMore);
    }
}
