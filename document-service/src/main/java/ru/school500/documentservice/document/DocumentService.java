package ru.school500.documentservice.document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Predicate;
import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.practice.PracticeVisibility;
import ru.school500.documentservice.practice.ReferenceLists;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Problems;

/**
 * Documents and their versions once stored: reading, listing, downloads, metadata changes, soft delete and
 * restore, and what other features report about them (extraction results, practice status changes). Uploads
 * live in {@link DocumentUploads}, comments in {@link DocumentComments}, signatures in {@link OrderSignatures}.
 */
@Service
public class DocumentService {

    record Filter(DocumentType type, MaterialKind kind, String region, String municipality, String school,
            String riskFactor, UUID practiceId, String text, boolean deleted) {
    }

    /** What a download needs: the version's object and how to describe it. */
    record Content(UUID documentId, int version, String objectKey, String fileName, String contentType, long size,
            String sha256, Instant uploadedAt) {
    }

    record MetadataUpdate(String title, MaterialKind kind, List<String> riskFactors, String orderNumber,
            java.time.LocalDate orderDate, String orderAuthority, List<UUID> repeals) {
    }

    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final DocumentLookup lookup;
    private final DocumentViews views;
    private final PracticeService practices;
    private final ReferenceLists references;
    private final OrderRepeals repeals;
    private final OrderSignatures signatures;
    private final DocumentFeed feed;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    DocumentService(DocumentRepository documents, DocumentVersionRepository versions, DocumentLookup lookup,
            DocumentViews views, PracticeService practices, ReferenceLists references, OrderRepeals repeals,
            OrderSignatures signatures, DocumentFeed feed, AuditLog audit) {
        this.documents = documents;
        this.versions = versions;
        this.lookup = lookup;
        this.views = views;
        this.practices = practices;
        this.references = references;
        this.repeals = repeals;
        this.signatures = signatures;
        this.feed = feed;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public DocumentView get(CurrentUser user, UUID id) {
        Document doc = lookup.readable(user, id);
        return signatures.withCheck(doc, views.current(doc));
    }

    @Transactional(readOnly = true)
    public List<DocumentView.VersionView> versions(CurrentUser user, UUID id) {
        Document doc = lookup.readable(user, id);
        return versions.findByDocumentIdOrderByVersionDesc(doc.getId()).stream().map(DocumentViews::version)
                .toList();
    }

    /** Opens a version for download (current when {@code version} is null) and records the download. */
    @Transactional
    public Content openContent(CurrentUser user, UUID id, Integer version) {
        Document doc = lookup.readable(user, id);
        return content(user, doc, version);
    }

    /** Files of a practice, for anyone who may read the practice (anonymous callers: published ones). */
    @Transactional
    public Content openPracticeFile(CurrentUser user, UUID practiceId, UUID documentId) {
        PracticeRef practice = practices.find(practiceId)
                .filter(p -> PracticeVisibility.canRead(user, p))
                .orElseThrow(() -> Problems.notFound("Практика не найдена."));
        Document doc = documents.findById(documentId)
                .filter(d -> practice.id().equals(d.getPracticeId()) && !d.isDeleted())
                .orElseThrow(() -> Problems.notFound("Файл практики не найден."));
        return content(user, doc, null);
    }

    private Content content(CurrentUser user, Document doc, Integer version) {
        DocumentVersion v = version == null ? lookup.currentVersion(doc)
                : versions.findByDocumentIdAndVersion(doc.getId(), version)
                        .orElseThrow(() -> Problems.notFound("Версия " + version + " не найдена."));
        audit.record(user, AuditAction.DOWNLOAD, AuditLog.EntityType.DOCUMENT, doc.getId(), v.getVersion(),
                doc.getRegion(), v.getFileName());
        return new Content(doc.getId(), v.getVersion(), v.getObjectKey(), v.getFileName(), v.getContentType(),
                v.getSize(), v.getSha256(), v.getUploadedAt());
    }

    @Transactional
    public DocumentView update(CurrentUser user, UUID id, MetadataUpdate update) {
        Document doc = lookup.lockReadable(user, id);
        if (doc.isDeleted()) {
            throw Problems.conflict("Документ удалён.");
        }
        if (!DocumentAccess.canWrite(user, doc, lookup.practiceOf(doc))) {
            throw Problems.forbidden("Изменять документ может только его владелец.");
        }
        List<String> changes = new ArrayList<>();
        if (update.title() != null && !update.title().isBlank()) {
            doc.setTitle(update.title().strip());
            changes.add("title");
        }
        if (update.kind() != null && doc.getType() == DocumentType.SCHOOL_MATERIAL) {
            doc.setKind(update.kind());
            changes.add("kind");
        }
        if (update.riskFactors() != null) {
            List<String> unknown = references.unknownRiskFactors(update.riskFactors());
            if (!unknown.isEmpty()) {
                throw Problems.invalidFields(Map.of("riskFactors", "Неизвестные факторы риска: " + unknown));
            }
            doc.setRiskFactors(update.riskFactors());
            changes.add("riskFactors");
        }
        if (doc.getType() == DocumentType.ORDER) {
            if (!Document.isPlausibleOrderDate(update.orderDate())) {
                throw Problems.invalidFields(Map.of("orderDate", Document.ORDER_DATE_RANGE));
            }
            if (update.orderNumber() != null || update.orderDate() != null || update.orderAuthority() != null) {
                doc.setOrder(Objects.requireNonNullElse(update.orderNumber(), doc.getOrderNumber()),
                        Objects.requireNonNullElse(update.orderDate(), doc.getOrderDate()),
                        update.orderAuthority() != null ? update.orderAuthority() : doc.getOrderAuthority());
                changes.add("order");
            }
            if (update.repeals() != null) {
                repeals.replace(user, doc, update.repeals());
                changes.add("repeals");
            }
        }
        doc.touch(user.username(), clock.instant());
        documents.flush();
        DocumentVersion current = lookup.currentVersion(doc);
        feed.upsert(doc, current, lookup.practiceOf(doc));
        audit.record(user, AuditAction.UPDATE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), "изменены поля: " + String.join(", ", changes));
        return views.of(doc, current);
    }

    @Transactional
    public DocumentView delete(CurrentUser user, UUID id) {
        Document doc = lookup.lockReadable(user, id);
        if (doc.isDeleted()) {
            return views.of(doc, lookup.currentVersion(doc));
        }
        PracticeRef practice = lookup.practiceOf(doc);
        if (!DocumentAccess.canWrite(user, doc, practice)) {
            throw Problems.forbidden("Удалить документ может только его владелец.");
        }
        doc.delete(user.username(), clock.instant());
        documents.flush();
        feed.delete(doc, practice);
        audit.record(user, AuditAction.DELETE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), doc.getTitle());
        return views.of(doc, lookup.currentVersion(doc));
    }

    @Transactional
    public DocumentView restore(CurrentUser user, UUID id) {
        Document doc = lookup.lockReadable(user, id);
        PracticeRef practice = lookup.practiceOf(doc);
        if (!doc.isDeleted()) {
            return views.of(doc, lookup.currentVersion(doc));
        }
        if (!DocumentAccess.canRestore(user, doc, practice)) {
            throw Problems.forbidden("Восстановить документ может владелец или оператор региона.");
        }
        doc.restore(user.username(), clock.instant());
        documents.flush();
        DocumentVersion current = lookup.currentVersion(doc);
        feed.upsert(doc, current, practice);
        audit.record(user, AuditAction.RESTORE, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), doc.getTitle());
        return views.of(doc, current);
    }

    /** Documents the caller may read ({@link DocumentVisibility}), newest first; deleted ones only on request. */
    @Transactional(readOnly = true)
    public Page<DocumentView> list(CurrentUser user, Filter filter, Pageable pageable) {
        Specification<Document> spec = DocumentVisibility.readableBy(user).and((root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(filter.deleted() ? cb.isNotNull(root.get("deletedAt")) : cb.isNull(root.get("deletedAt")));
            if (filter.type() != null) {
                all.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.kind() != null) {
                all.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.region() != null) {
                all.add(cb.equal(root.get("region"), filter.region()));
            }
            if (filter.municipality() != null) {
                all.add(cb.equal(root.get("municipality"), filter.municipality()));
            }
            if (filter.school() != null) {
                all.add(cb.equal(root.get("school"), filter.school()));
            }
            if (filter.practiceId() != null) {
                all.add(cb.equal(root.get("practiceId"), filter.practiceId()));
            }
            if (filter.riskFactor() != null) {
                all.add(cb.isTrue(cb.function("array_contains", Boolean.class, root.get("riskFactors"),
                        cb.literal(filter.riskFactor()))));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                all.add(cb.like(cb.lower(root.get("title")), "%" + filter.text().toLowerCase() + "%"));
            }
            query.orderBy(cb.desc(root.get("updatedAt")));
            return cb.and(all.toArray(Predicate[]::new));
        });
        return documents.findAll(spec, pageable).map(doc -> views.of(doc, lookup.currentVersion(doc)));
    }

    /** Re-announces the files of a practice whose status changed (their visibility follows the practice). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void practiceVisibilityChanged(UUID practiceId) {
        PracticeRef practice = practices.find(practiceId).orElse(null);
        // locked like every other writer's rows: an extraction may be announcing a file with the practice's old
        // status, and this change must then take the revision after that one. No deadlock: the practice row is
        // held already, and whoever locks a file's row only reads its practice
        List<Document> files = lookup.lockPracticeFiles(practiceId).stream().filter(doc -> !doc.isDeleted())
                .toList();
        // every row first, then the outbox (which takes its lock): the same order as every other writer
        files.forEach(doc -> doc.touch(doc.getUpdatedBy(), clock.instant()));
        documents.flush();
        files.forEach(doc -> feed.upsert(doc, lookup.currentVersion(doc), practice));
    }

    // --- used by document.extraction

    /** Stores an extraction result for a version and announces the document again. */
    @Transactional
    public void recordExtraction(UUID documentId, int version, ExtractionResult result) {
        Document doc = documents.findForUpdate(documentId).orElse(null);
        if (doc == null) {
            return;
        }
        DocumentVersion v = versions.findByDocumentIdAndVersion(documentId, version).orElse(null);
        if (v == null) {
            return;
        }
        Instant now = clock.instant();
        switch (result) {
            case ExtractionResult.Text text -> v.extracted(text.text(), text.truncated(), now);
            case ExtractionResult.Failed failed -> v.extractionFailed(failed.reason(), now);
            case ExtractionResult.Skipped skipped -> v.extractionSkipped(skipped.reason(), now);
        }
        if (version == doc.getCurrentVersion() && !doc.isDeleted()) {
            doc.touch(doc.getUpdatedBy(), now);
            documents.flush();
            feed.upsert(doc, v, lookup.practiceOf(doc));
        }
    }

    /** Outcome of text extraction for one version. */
    public sealed interface ExtractionResult {
        record Text(String text, boolean truncated) implements ExtractionResult {
        }

        record Failed(String reason) implements ExtractionResult {
        }

        record Skipped(String reason) implements ExtractionResult {
        }
    }

}
