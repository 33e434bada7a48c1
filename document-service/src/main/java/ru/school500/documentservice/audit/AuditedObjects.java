package ru.school500.documentservice.audit;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import ru.school500.documentservice.security.CurrentUser;

/**
 * Which audited objects a caller may read, answered by the feature that owns them with its own read rule
 * (so the audit log shows an entry exactly when the object it describes would be shown, and the audit
 * package depends on no feature).
 */
public interface AuditedObjects {

    AuditLog.EntityType type();

    /** The ids among {@code ids} that {@code user} may read. */
    Set<UUID> readable(CurrentUser user, Collection<UUID> ids);
}
