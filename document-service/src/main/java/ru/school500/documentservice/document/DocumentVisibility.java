package ru.school500.documentservice.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.audit.AuditedObjects;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeVisibility;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * Who may read a document, in one place and in both forms: {@link #canRead} for one document in memory
 * ({@code GET /api/documents/{id}} and everything under it), {@link #readableBy} for the database
 * ({@code GET /api/documents}, the audit log's {@link #readable}). The two forms are held together by
 * {@code ReadRuleMatrixIT} over {@code access/read-matrix.txt}, the table search-service's reader tokens are
 * checked against too.
 *
 * <ul>
 * <li>SCHOOL_MATERIAL: the school itself, its curators, its municipality's coordinator, its region's operator.
 * <li>ORDER, SIGNATURE: every role of the region, and federal analysts.
 * <li>PRACTICE_FILE: whoever may read the practice ({@link PracticeVisibility}).
 * <li>A deleted document: those of its readers who may also restore it ({@link DocumentAccess#canRestore}).
 * </ul>
 * Anonymous callers read files of published practices only, and only through the practice route: every
 * other route under {@code /api/documents} answers 401 without a token before this rule is asked.
 */
@Component
class DocumentVisibility implements AuditedObjects {

    private final DocumentRepository documents;

    DocumentVisibility(DocumentRepository documents) {
        this.documents = documents;
    }

    // --- in memory

    static boolean canRead(CurrentUser user, Document doc, PracticeRef practice) {
        if (!canReadLive(user, doc, practice)) {
            return false;
        }
        return !doc.isDeleted() || DocumentAccess.canRestore(user, doc, practice);
    }

    private static boolean canReadLive(CurrentUser user, Document doc, PracticeRef practice) {
        boolean sameRegion = user.belongsTo(doc.getRegion());
        return switch (doc.getType()) {
            case SCHOOL_MATERIAL -> sameRegion && (user.isSchool(doc.getSchool()) || user.curates(doc.getSchool())
                    || user.coordinatesMunicipality(doc.getMunicipality()) || user.has(Role.REGIONAL_OPERATOR));
            case ORDER, SIGNATURE -> user.has(Role.FEDERAL_ANALYST) || (sameRegion && user.hasAny(
                    Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR, Role.CURATOR,
                    Role.SCHOOL));
            case PRACTICE_FILE -> practice != null && PracticeVisibility.canRead(user, practice);
        };
    }

    // --- in the database

    /** The documents, live and deleted, that {@link #canRead} lets {@code user} read. */
    static Specification<Document> readableBy(CurrentUser user) {
        return (root, query, cb) -> cb.and(live(user, root, query, cb),
                cb.or(cb.isNull(root.get("deletedAt")), restorable(user, root, query, cb)));
    }

    private static Predicate live(CurrentUser user, Root<Document> doc, CommonAbstractCriteria query,
            CriteriaBuilder cb) {
        Predicate sameRegion = sameRegion(user, doc, cb);
        List<Predicate> materialReaders = new ArrayList<>();
        if (user.has(Role.SCHOOL) && user.school() != null) {
            materialReaders.add(cb.equal(doc.get("school"), user.school()));
        }
        if (user.has(Role.CURATOR) && !user.schools().isEmpty()) {
            materialReaders.add(doc.get("school").in(user.schools()));
        }
        if (user.has(Role.MUNICIPAL_COORDINATOR) && user.municipality() != null) {
            materialReaders.add(cb.equal(doc.get("municipality"), user.municipality()));
        }
        if (user.has(Role.REGIONAL_OPERATOR)) {
            materialReaders.add(cb.conjunction());
        }
        Predicate orderReaders = user.has(Role.FEDERAL_ANALYST) ? cb.conjunction()
                : user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR,
                        Role.CURATOR, Role.SCHOOL) ? sameRegion : cb.disjunction();
        return cb.or(
                cb.and(isType(doc, cb, DocumentType.SCHOOL_MATERIAL), sameRegion,
                        cb.or(materialReaders.toArray(Predicate[]::new))),
                cb.and(doc.get("type").in(DocumentType.ORDER, DocumentType.SIGNATURE), orderReaders),
                cb.and(isType(doc, cb, DocumentType.PRACTICE_FILE),
                        doc.get("practiceId").in(PracticeVisibility.readableIds(user, query, cb))));
    }

    /** {@link DocumentAccess#canRestore}: the owner ({@link DocumentAccess#canWrite}) and the region's operators. */
    private static Predicate restorable(CurrentUser user, Root<Document> doc, CommonAbstractCriteria query,
            CriteriaBuilder cb) {
        Predicate sameRegion = sameRegion(user, doc, cb);
        Predicate owner = cb.or(
                cb.and(isType(doc, cb, DocumentType.SCHOOL_MATERIAL),
                        user.has(Role.SCHOOL) && user.school() != null
                                ? cb.equal(doc.get("school"), user.school()) : cb.disjunction()),
                cb.and(isType(doc, cb, DocumentType.ORDER),
                        user.hasAny(Role.REGIONAL_MINISTRY, Role.REGIONAL_OPERATOR) ? cb.conjunction()
                                : cb.disjunction()),
                cb.and(isType(doc, cb, DocumentType.SIGNATURE),
                        user.has(Role.REGIONAL_MINISTRY) ? cb.conjunction() : cb.disjunction()),
                cb.and(isType(doc, cb, DocumentType.PRACTICE_FILE),
                        doc.get("practiceId").in(PracticeVisibility.editableIds(user, query, cb))));
        return cb.and(sameRegion, user.has(Role.REGIONAL_OPERATOR) ? cb.conjunction() : owner);
    }

    private static Predicate sameRegion(CurrentUser user, Root<Document> doc, CriteriaBuilder cb) {
        return user.region() == null ? cb.disjunction() : cb.equal(doc.get("region"), user.region());
    }

    private static Predicate isType(Root<Document> doc, CriteriaBuilder cb, DocumentType type) {
        return cb.equal(doc.get("type"), type);
    }

    // --- for the audit log

    @Override
    public AuditLog.EntityType type() {
        return AuditLog.EntityType.DOCUMENT;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> readable(CurrentUser user, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Specification<Document> among = (root, query, cb) -> root.get("id").in(ids);
        return documents.findAll(readableBy(user).and(among)).stream()
                .map(Document::getId)
                .collect(Collectors.toSet());
    }
}
