package ru.school500.documentservice.practice;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.audit.AuditedObjects;
import ru.school500.documentservice.security.CurrentUser;

/** Who may read which practices, for the audit log: the {@link PracticeAccess#canRead} rule of the registry. */
@Component
class PracticeVisibility implements AuditedObjects {

    private final PracticeRepository practices;

    PracticeVisibility(PracticeRepository practices) {
        this.practices = practices;
    }

    @Override
    public AuditLog.EntityType type() {
        return AuditLog.EntityType.PRACTICE;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> readable(CurrentUser user, Collection<UUID> ids) {
        return practices.findAllById(ids).stream()
                .filter(practice -> PracticeAccess.canRead(user, practice.ref()))
                .map(Practice::getId)
                .collect(Collectors.toSet());
    }
}
