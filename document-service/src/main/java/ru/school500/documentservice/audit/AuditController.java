package ru.school500.documentservice.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;
import ru.school500.documentservice.web.Problems;

/** {@code GET /api/documents/audit}: the audit log of the caller's region, for its regional operators. */
@RestController
@Validated
class AuditController {

    record AuditEvent(long id, Instant occurredAt, String actor, String actorRoles, String action, String entityType,
            UUID entityId, Integer version, String region, String details) {
    }

    record AuditPage(List<AuditEvent> events, int page, int size, long total) {
    }

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/documents/audit")
    @Transactional(readOnly = true)
    AuditPage events(@RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        CurrentUser user = CurrentUser.current();
        if (!user.has(Role.REGIONAL_OPERATOR) || user.region() == null) {
            throw Problems.forbidden("Журнал аудита доступен операторам региона.");
        }
        StringBuilder where = new StringBuilder(" where region = ?");
        List<Object> params = new ArrayList<>(List.of(user.region()));
        if (entityId != null) {
            where.append(" and entity_id = ?");
            params.add(entityId);
        }
        if (action != null) {
            where.append(" and action = ?");
            params.add(action.name());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = ?");
            params.add(actor);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(to));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEvent> events = jdbc.sql("select * from audit_event" + where
                        + " order by occurred_at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("actor_roles"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getObject("entity_id", UUID.class),
                        (Integer) rs.getObject("version"), rs.getString("region"), rs.getString("details")))
                .list();
        return new AuditPage(events, page, size, total);
    }
}
