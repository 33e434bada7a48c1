package ru.school500.documentservice.document;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.audit.AuditedObjects;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.security.CurrentUser;

/**
 * Who may read which documents, for other features that list things about documents (the audit log):
 * the same {@link DocumentAccess#canRead} rule that {@code GET /api/documents/{id}} applies.
 */
@Component
class DocumentVisibility implements AuditedObjects {

    private final DocumentRepository documents;
    private final PracticeService practices;

    DocumentVisibility(DocumentRepository documents, PracticeService practices) {
        this.documents = documents;
        this.practices = practices;
    }

    @Override
    public AuditLog.EntityType type() {
        return AuditLog.EntityType.DOCUMENT;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> readable(CurrentUser user, Collection<UUID> ids) {
        Map<UUID, PracticeRef> practiceRefs = new HashMap<>();
        return documents.findAllById(ids).stream()
                .filter(doc -> DocumentAccess.canRead(user, doc, doc.getPracticeId() == null ? null
                        : practiceRefs.computeIfAbsent(doc.getPracticeId(),
                                id -> practices.find(id).orElse(null))))
                .map(Document::getId)
                .collect(Collectors.toSet());
    }
}
