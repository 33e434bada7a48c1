package ru.school500.documentservice.practice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Predicate;
import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.outbox.OutboxWriter;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;
import ru.school500.documentservice.web.Problems;

/** The best-practice registry: authoring by schools, review by the region's operators, publication. */
@Service
public class PracticeService {

    public record Filter(String region, String direction, EducationLevel educationLevel, PracticeStatus status,
            String riskFactor, String text) {
    }

    private final PracticeRepository practices;
    private final ReferenceLists references;
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    PracticeService(PracticeRepository practices, ReferenceLists references, JdbcClient jdbc, OutboxWriter outbox,
            AuditLog audit, ApplicationEventPublisher events) {
        this.practices = practices;
        this.references = references;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
    }

    /** For other features: the practice's ownership and status, if it exists. */
    @Transactional(readOnly = true)
    public Optional<PracticeRef> find(UUID id) {
        return practices.findById(id).map(Practice::ref);
    }

    @Transactional
    public PracticeView create(CurrentUser user, PracticeRequest request) {
        if (!user.has(Role.SCHOOL) || user.school() == null || user.region() == null) {
            throw Problems.forbidden("Практику может создать только школа.");
        }
        validate(request);
        Instant now = clock.instant();
        Practice practice = new Practice(UUID.randomUUID(), user.school(), user.region(), user.municipality(),
                user.username(), now);
        practice.describe(request, references.directions().version());
        practice.touch(user.username(), now);
        practices.save(practice);
        return changed(user, practice, AuditAction.PRACTICE_CREATE, null);
    }

    @Transactional
    public PracticeView update(CurrentUser user, UUID id, PracticeRequest request) {
        Practice practice = lockReadable(user, id);
        if (!PracticeAccess.canEdit(user, practice.ref())) {
            throw Problems.forbidden("Изменять практику может школа-автор, пока практика в черновике или возвращена.");
        }
        validate(request);
        practice.describe(request, references.directions().version());
        practice.touch(user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_UPDATE, null);
    }

    @Transactional
    public PracticeView submit(CurrentUser user, UUID id) {
        Practice practice = lockReadable(user, id);
        if (!PracticeAccess.canEdit(user, practice.ref())) {
            throw Problems.forbidden("Отправить практику на рассмотрение может школа-автор.");
        }
        practice.moveTo(PracticeStatus.SUBMITTED, user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_SUBMIT, null);
    }

    @Transactional
    public PracticeView startReview(CurrentUser user, UUID id) {
        Practice practice = lockForReview(user, id, PracticeStatus.SUBMITTED);
        practice.review(null, null, user.username());
        practice.moveTo(PracticeStatus.IN_REVIEW, user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_REVIEW_START, null);
    }

    @Transactional
    public PracticeView publish(CurrentUser user, UUID id, ReviewRequest review) {
        requireConclusion(review, true);
        Practice practice = lockForReview(user, id, PracticeStatus.IN_REVIEW);
        practice.review(review.conclusion(), review.score(), user.username());
        practice.moveTo(PracticeStatus.PUBLISHED, user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_PUBLISH, review.comment());
    }

    @Transactional
    public PracticeView returnToAuthor(CurrentUser user, UUID id, ReviewRequest review) {
        if (review.comment() == null || review.comment().isBlank()) {
            throw Problems.invalidFields(Map.of("comment", "Укажите замечания для автора"));
        }
        Practice practice = lockForReview(user, id, PracticeStatus.IN_REVIEW);
        practice.review(review.conclusion(), review.score(), user.username());
        practice.moveTo(PracticeStatus.RETURNED, user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_RETURN, review.comment());
    }

    @Transactional
    public PracticeView reject(CurrentUser user, UUID id, ReviewRequest review) {
        requireConclusion(review, false);
        Practice practice = lockForReview(user, id, PracticeStatus.IN_REVIEW);
        practice.review(review.conclusion(), review.score(), user.username());
        practice.moveTo(PracticeStatus.REJECTED, user.username(), clock.instant());
        return changed(user, practice, AuditAction.PRACTICE_REJECT, review.comment());
    }

    @Transactional(readOnly = true)
    public PracticeView get(CurrentUser user, UUID id) {
        Practice practice = practices.findById(id)
                .filter(p -> PracticeVisibility.canRead(user, p.ref()))
                .orElseThrow(() -> Problems.notFound("Практика не найдена."));
        return view(practice, PracticeVisibility.canSeeUnpublished(user, practice.ref()));
    }

    /** Published practices of every region, plus what the caller may see of unpublished ones. */
    @Transactional(readOnly = true)
    public Page<PracticeView> list(CurrentUser user, Filter filter, Pageable pageable) {
        Specification<Practice> spec = PracticeVisibility.readableBy(user).and((root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.region() != null) {
                all.add(cb.equal(root.get("region"), filter.region()));
            }
            if (filter.direction() != null) {
                all.add(cb.equal(root.get("direction"), filter.direction()));
            }
            if (filter.educationLevel() != null) {
                all.add(cb.equal(root.get("educationLevel"), filter.educationLevel()));
            }
            if (filter.status() != null) {
                all.add(cb.equal(root.get("status"), filter.status()));
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
        return practices.findAll(spec, pageable)
                .map(p -> view(p, PracticeVisibility.canSeeUnpublished(user, p.ref())));
    }

    private Practice lockReadable(CurrentUser user, UUID id) {
        return practices.findForUpdate(id)
                .filter(p -> PracticeVisibility.canRead(user, p.ref()))
                .orElseThrow(() -> Problems.notFound("Практика не найдена."));
    }

    private Practice lockForReview(CurrentUser user, UUID id, PracticeStatus expected) {
        Practice practice = lockReadable(user, id);
        if (!PracticeAccess.canReview(user, practice.ref())) {
            throw Problems.forbidden("Рассматривать практики может оператор региона.");
        }
        if (practice.getStatus() != expected) {
            throw Problems.conflict("Практика в статусе " + practice.getStatus() + ", ожидался " + expected + ".");
        }
        return practice;
    }

    private void requireConclusion(ReviewRequest review, boolean needsScore) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (review.conclusion() == null || review.conclusion().isBlank()) {
            fields.put("conclusion", "Укажите экспертное заключение");
        }
        if (needsScore && review.score() == null) {
            fields.put("score", "Укажите оценку");
        }
        if (!fields.isEmpty()) {
            throw Problems.invalidFields(fields);
        }
    }

    private void validate(PracticeRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!references.directions().contains(request.direction())) {
            fields.put("direction", "Неизвестное направление (справочник версии "
                    + references.directions().version() + ")");
        }
        if (request.riskFactors() != null && !references.unknownRiskFactors(request.riskFactors()).isEmpty()) {
            fields.put("riskFactors", "Неизвестные факторы риска: "
                    + references.unknownRiskFactors(request.riskFactors()));
        }
        if (!fields.isEmpty()) {
            throw Problems.invalidFields(fields);
        }
    }

    private PracticeView changed(CurrentUser user, Practice practice, AuditAction action, String comment) {
        practices.flush();
        if (comment != null && !comment.isBlank()) {
            jdbc.sql("""
                    insert into practice_comment (id, practice_id, author, author_role, status, text, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), practice.getId(), user.username(), user.rolesAsText(),
                            practice.getStatus().name(), comment, Timestamp.from(clock.instant()))
                    .update();
        }
        PracticeView view = view(practice, true);
        // the files' rows first, the outbox lock last: every writer (the extraction worker too) updates its
        // rows before it takes the outbox lock, so no two of them wait for each other
        events.publishEvent(new PracticeVisibilityChanged(practice.getId()));
        outbox.append(OutboxWriter.Type.PRACTICE, practice.getId(), practice.getRevision(),
                OutboxWriter.Operation.UPSERT, feedPayload(view));
        audit.record(user, action, AuditLog.EntityType.PRACTICE, practice.getId(), null, practice.getRegion(),
                action.name() + " → " + practice.getStatus());
        return view;
    }

    /** The practice with its visibility fields; comments stay out of the feed. */
    private static Map<String, Object> feedPayload(PracticeView view) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("practice", new PracticeView(view.id(), view.title(), view.authors(), view.school(), view.region(),
                view.municipality(), view.direction(), view.directionsVersion(), view.educationLevel(),
                view.riskFactors(), view.description(), view.results(), view.status(), view.expertConclusion(),
                view.score(), view.submittedAt(), view.publishedAt(), view.createdAt(), view.updatedAt(),
                view.revision(), view.files(), List.of()));
        payload.put("visibility", Map.of("public", view.status() == PracticeStatus.PUBLISHED,
                "region", view.region(), "school", view.school(),
                "municipality", view.municipality() == null ? "" : view.municipality()));
        return payload;
    }

    private PracticeView view(Practice p, boolean withComments) {
        List<PracticeView.FileView> files = jdbc.sql("""
                select d.id, d.title, v.version, v.file_name, v.content_type, v.size, v.sha256
                from document d join document_version v on v.document_id = d.id and v.version = d.current_version
                where d.practice_id = ? and d.deleted_at is null order by d.created_at""")
                .param(p.getId())
                .query((rs, n) -> new PracticeView.FileView(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256")))
                .list();
        List<PracticeView.CommentView> comments = !withComments ? List.of() : jdbc.sql("""
                select * from practice_comment where practice_id = ? order by created_at""")
                .param(p.getId())
                .query((rs, n) -> new PracticeView.CommentView(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getString("author_role"), PracticeStatus.valueOf(rs.getString("status")),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new PracticeView(p.getId(), p.getTitle(), p.getAuthors(), p.getSchool(), p.getRegion(),
                p.getMunicipality(), p.getDirection(), p.getDirectionsVersion(), p.getEducationLevel(),
                p.getRiskFactors(), p.getDescription(), p.getResults(), p.getStatus(), p.getExpertConclusion(),
                p.getScore(), p.getSubmittedAt(), p.getPublishedAt(), p.getCreatedAt(), p.getUpdatedAt(),
                p.getRevision(), files, comments);
    }
}
