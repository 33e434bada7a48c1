package ru.school500.documentservice.practice;

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
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.audit.AuditedObjects;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * Who may read a practice, in one place and in both forms: {@link #canRead} for one practice in memory,
 * {@link #readableBy} (and {@link #readableIds} for other features' filters) for the database, and the
 * audit log's {@link #readable}. Published practices are public; anything else stays with its author school
 * and, once submitted, with the people who look after that school in its region. The two forms are held
 * together by {@code ReadRuleMatrixIT} over {@code access/read-matrix.txt}.
 */
@Component
public class PracticeVisibility implements AuditedObjects {

    private final PracticeRepository practices;

    PracticeVisibility(PracticeRepository practices) {
        this.practices = practices;
    }

    // --- in memory

    public static boolean canRead(CurrentUser user, PracticeRef practice) {
        return practice.published() || canSeeUnpublished(user, practice);
    }

    /** The author school always; the region's operator, the school's curator and municipality once submitted. */
    public static boolean canSeeUnpublished(CurrentUser user, PracticeRef practice) {
        if (user.isAnonymous() || !user.belongsTo(practice.region())) {
            return false;
        }
        if (user.isSchool(practice.school())) {
            return true;
        }
        if (practice.status() == PracticeStatus.DRAFT) {
            return false;
        }
        return user.has(Role.REGIONAL_OPERATOR) || user.curates(practice.school())
                || user.coordinatesMunicipality(practice.municipality());
    }

    // --- in the database

    static Specification<Practice> readableBy(CurrentUser user) {
        return (root, query, cb) -> readable(user, root, cb);
    }

    /** The ids of the practices {@code user} may read, as a subquery of {@code query}. */
    public static Subquery<UUID> readableIds(CurrentUser user, CommonAbstractCriteria query, CriteriaBuilder cb) {
        Subquery<UUID> ids = query.subquery(UUID.class);
        Root<Practice> practice = ids.from(Practice.class);
        return ids.select(practice.<UUID>get("id")).where(readable(user, practice, cb));
    }

    /**
     * The ids of the practices whose author may still change them ({@link PracticeAccess#canEdit}), as a
     * subquery: the owner of a practice file, for the rule on deleted files.
     */
    public static Subquery<UUID> editableIds(CurrentUser user, CommonAbstractCriteria query, CriteriaBuilder cb) {
        Subquery<UUID> ids = query.subquery(UUID.class);
        Root<Practice> practice = ids.from(Practice.class);
        Predicate editable = user.region() != null && user.has(Role.SCHOOL) && user.school() != null
                ? cb.and(cb.equal(practice.get("region"), user.region()),
                        cb.equal(practice.get("school"), user.school()),
                        practice.get("status").in(editableStatuses()))
                : cb.disjunction();
        return ids.select(practice.<UUID>get("id")).where(editable);
    }

    private static Predicate readable(CurrentUser user, Path<Practice> practice, CriteriaBuilder cb) {
        Predicate published = cb.equal(practice.get("status"), PracticeStatus.PUBLISHED);
        if (user.isAnonymous() || user.region() == null) {
            return published;
        }
        List<Predicate> reviewers = new ArrayList<>();
        if (user.has(Role.REGIONAL_OPERATOR)) {
            reviewers.add(cb.conjunction());
        }
        if (user.has(Role.CURATOR) && !user.schools().isEmpty()) {
            reviewers.add(practice.get("school").in(user.schools()));
        }
        if (user.has(Role.MUNICIPAL_COORDINATOR) && user.municipality() != null) {
            reviewers.add(cb.equal(practice.get("municipality"), user.municipality()));
        }
        Predicate author = user.has(Role.SCHOOL) && user.school() != null
                ? cb.equal(practice.get("school"), user.school()) : cb.disjunction();
        Predicate submitted = cb.and(cb.notEqual(practice.get("status"), PracticeStatus.DRAFT),
                cb.or(reviewers.toArray(Predicate[]::new)));
        return cb.or(published, cb.and(cb.equal(practice.get("region"), user.region()), cb.or(author, submitted)));
    }

    private static List<PracticeStatus> editableStatuses() {
        return java.util.Arrays.stream(PracticeStatus.values()).filter(PracticeStatus::editableByAuthor).toList();
    }

    // --- for the audit log

    @Override
    public AuditLog.EntityType type() {
        return AuditLog.EntityType.PRACTICE;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> readable(CurrentUser user, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Specification<Practice> among = (root, query, cb) -> root.get("id").in(ids);
        return practices.findAll(readableBy(user).and(among)).stream()
                .map(Practice::getId)
                .collect(Collectors.toSet());
    }
}
