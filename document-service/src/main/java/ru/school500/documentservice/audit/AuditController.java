package ru.school500.documentservice.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import ru.school500.documentservice.web.Paging;
import ru.school500.documentservice.web.Problems;

/**
 * {@code GET /api/documents/audit}: the audit log of the caller's region, for its regional operators, showing
 * only entries about objects the caller may read (a draft practice's files stay with their school).
 */
@RestController
@Validated
class AuditController {

    record AuditEvent(long id, Instant occurredAt, String actor, String actorRoles, String action, String entityType,
            UUID entityId, Integer version, String region, String details) {
    }

    record AuditPage(List<AuditEvent> events, int page, int size, long total) {
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcClient jdbc;
    private final Map<AuditLog.EntityType, AuditedObjects> objects;

    AuditController(JdbcClient jdbc, List<AuditedObjects> objects) {
        this.jdbc = jdbc;
        this.objects = new EnumMap<>(AuditLog.EntityType.class);
        objects.forEach(o -> this.objects.put(o.type(), o));
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
        requireDatabaseRange(from, "from");
        requireDatabaseRange(to, "to");
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
        Paging.requireReachable(page, size);
        Map<UUID, Long> readable = readableObjects(user, where.toString(), params);
        if (readable.isEmpty()) {
            return new AuditPage(List.of(), page, size, 0);
        }
        long total = readable.values().stream().mapToLong(Long::longValue).sum();
        where.append(" and entity_id = any(?::uuid[])");
        params.add(readable.keySet().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
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

    /**
     * The objects among the matching entries that the caller may read, each with its number of entries:
     * each object's own feature decides, with the rule it applies to its own endpoints.
     */
    private Map<UUID, Long> readableObjects(CurrentUser user, String where, List<Object> params) {
        Map<UUID, Long> eventsPerObject = new HashMap<>();
        Map<AuditLog.EntityType, List<UUID>> candidates = new EnumMap<>(AuditLog.EntityType.class);
        jdbc.sql("select entity_type, entity_id, count(*) as events from audit_event" + where
                        + " group by entity_type, entity_id")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("entity_id", UUID.class);
                    eventsPerObject.merge(id, rs.getLong("events"), Long::sum);
                    candidates.computeIfAbsent(AuditLog.EntityType.valueOf(rs.getString("entity_type")),
                            type -> new ArrayList<>()).add(id);
                });
        Map<UUID, Long> readable = new HashMap<>();
        candidates.forEach((type, ids) -> {
            AuditedObjects owner = objects.get(type);
            if (owner != null) {
                owner.readable(user, ids).forEach(id -> readable.put(id, eventsPerObject.get(id)));
            }
        });
        return readable;
    }

    private static void requireDatabaseRange(Instant instant, String field) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw Problems.invalidFields(Map.of(field, "Время от 1900 до 9999 года"));
        }
    }
}
