package ru.school500.roadmapservice.roadmap;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;

import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.security.Role;

/**
 * Who may do what with a roadmap, in one place. Reading is scoped inside the queries
 * ({@link #readableBy(CurrentUser)}): a draft of another region is simply not found (404), never returned.
 * <ul>
 * <li>APPROVED and SUPERSEDED roadmaps are public: everyone, anonymous included, reads them.</li>
 * <li>DRAFTs are read by the federal analyst (reads everything) and by the regional operator, regional ministry
 * and municipal coordinator of the draft's region; school and curator never see drafts.</li>
 * <li>Regional operator: creates and edits drafts of their region, drafts new editions.</li>
 * <li>Regional ministry: approves drafts of their region.</li>
 * <li>Municipal coordinator and regional operator: report progress on approved roadmaps of their region.</li>
 * <li>Progress (progress and overdue lists, and the {@code progress} of items in every roadmap view): federal
 * analyst and the region's operator, ministry and coordinator; everyone else gets items without it.</li>
 * </ul>
 */
final class RoadmapAccess {

    private RoadmapAccess() {
    }

    static boolean seesDraftsOf(CurrentUser user, String region) {
        return user.has(Role.FEDERAL_ANALYST)
                || (user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR)
                        && user.belongsTo(region));
    }

    /** The same rule as {@link #readableBy(CurrentUser)} for a row already locked by id. */
    static boolean canRead(CurrentUser user, Roadmap roadmap) {
        return roadmap.getStatus() != RoadmapStatus.DRAFT || seesDraftsOf(user, roadmap.getRegion());
    }

    /** Restricts any roadmap query to what the user may read. */
    static Specification<Roadmap> readableBy(CurrentUser user) {
        return (root, query, cb) -> {
            if (user.has(Role.FEDERAL_ANALYST)) {
                return cb.conjunction();
            }
            List<Predicate> visible = new ArrayList<>();
            visible.add(cb.notEqual(root.get("status"), RoadmapStatus.DRAFT));
            if (user.region() != null
                    && user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY, Role.MUNICIPAL_COORDINATOR)) {
                visible.add(cb.equal(root.get("region"), user.region()));
            }
            return cb.or(visible.toArray(Predicate[]::new));
        };
    }

    static void requireEditor(CurrentUser user, Roadmap roadmap) {
        if (!user.has(Role.REGIONAL_OPERATOR) || !user.belongsTo(roadmap.getRegion())) {
            throw new AccessDeniedException("Изменять дорожную карту может только региональный оператор её региона.");
        }
    }

    static void requireCreator(CurrentUser user, String region) {
        if (!user.has(Role.REGIONAL_OPERATOR) || !user.belongsTo(region)) {
            throw new AccessDeniedException("Создавать дорожные карты может только региональный оператор своего региона.");
        }
    }

    static void requireApprover(CurrentUser user, Roadmap roadmap) {
        if (!user.has(Role.REGIONAL_MINISTRY) || !user.belongsTo(roadmap.getRegion())) {
            throw new AccessDeniedException("Утверждать дорожную карту может только министерство её региона.");
        }
    }

    static void requireReporter(CurrentUser user, Roadmap roadmap) {
        if (!user.hasAny(Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_OPERATOR) || !user.belongsTo(roadmap.getRegion())) {
            throw new AccessDeniedException(
                    "Сообщать о ходе выполнения может только муниципальный координатор или оператор региона.");
        }
    }

    /**
     * Who sees progress (the reported statuses): the same people as {@link #requireMonitor}, wherever progress
     * appears (the roadmap, its sections and items, the progress and overdue lists).
     */
    static boolean seesProgress(CurrentUser user, Roadmap roadmap) {
        return user.has(Role.FEDERAL_ANALYST) || (user.hasAny(Role.REGIONAL_OPERATOR, Role.REGIONAL_MINISTRY,
                Role.MUNICIPAL_COORDINATOR) && user.belongsTo(roadmap.getRegion()));
    }

    static void requireMonitor(CurrentUser user, Roadmap roadmap) {
        if (!seesProgress(user, roadmap)) {
            throw new AccessDeniedException("Ход выполнения видят федеральный аналитик и сотрудники региона.");
        }
    }
}
