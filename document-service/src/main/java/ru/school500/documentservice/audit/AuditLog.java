package ru.school500.documentservice.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.security.CurrentUser;

/** Who uploaded, downloaded, changed and deleted what: written in the transaction of the change it records. */
@Component
public class AuditLog {

    public enum EntityType { DOCUMENT, PRACTICE }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(CurrentUser actor, AuditAction action, EntityType entityType, UUID entityId, Integer version,
            String region, String details) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, actor_roles, action, entity_type, entity_id, version,
                    region, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actor.username() == null ? "anonymous" : actor.username(),
                        actor.rolesAsText(), action.name(), entityType.name(), entityId, version, region,
                        details == null || details.length() <= 2000 ? details : details.substring(0, 2000))
                .update();
    }
}
