package ru.school500.documentservice.document;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManager;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Problems;

/**
 * Finds a document the caller may read (404 otherwise: existence is not revealed), its practice and its
 * current version; shared by every feature class of the document package.
 */
@Component
class DocumentLookup {

    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final PracticeService practices;
    private final EntityManager entityManager;

    DocumentLookup(DocumentRepository documents, DocumentVersionRepository versions, PracticeService practices,
            EntityManager entityManager) {
        this.documents = documents;
        this.versions = versions;
        this.practices = practices;
        this.entityManager = entityManager;
    }

    Document readable(CurrentUser user, UUID id) {
        return documents.findById(id)
                .filter(doc -> DocumentVisibility.canRead(user, doc, practiceOf(doc)))
                .orElseThrow(() -> Problems.notFound("Документ не найден."));
    }

    /** As {@link #readable}, with the row locked until the transaction ends. */
    Document lockReadable(CurrentUser user, UUID id) {
        return documents.findForUpdate(id)
                .filter(doc -> DocumentVisibility.canRead(user, doc, practiceOf(doc)))
                .orElseThrow(() -> Problems.notFound("Документ не найден."));
    }

    /** A practice's files (deleted ones too), their rows locked until the transaction ends. */
    List<Document> lockPracticeFiles(UUID practiceId) {
        List<Document> files = documents.findByPracticeIdForUpdate(practiceId);
        // a query returns a file this transaction loaded before as it was loaded, not as locked
        files.forEach(entityManager::refresh);
        return files;
    }

    PracticeRef practiceOf(Document doc) {
        return doc.getPracticeId() == null ? null : practices.find(doc.getPracticeId()).orElse(null);
    }

    DocumentVersion currentVersion(Document doc) {
        return versions.findByDocumentIdAndVersion(doc.getId(), doc.getCurrentVersion())
                .orElseThrow(() -> new IllegalStateException("document " + doc.getId() + " has no current version"));
    }
}
