package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import ru.school500.roadmapservice.outbox.ChangeOperation;
import ru.school500.roadmapservice.outbox.Outbox;
import ru.school500.roadmapservice.security.CurrentUser;
import ru.school500.roadmapservice.web.Problems;

/**
 * The roadmap feature's public face. Every method takes the caller as {@link CurrentUser} and checks it itself
 * (rules in {@link RoadmapAccess}); reads are region-scoped inside the queries. Every write bumps the roadmap's
 * version and, in the same transaction, appends the whole roadmap to the outbox as a {@code ROADMAP} change.
 * Writes take the version the client last saw ({@code If-Match}) and fail with 412 when it is stale.
 */
@Service
@Validated
public class RoadmapService {

    /** Outbox type of this aggregate (docs/conventions.md). */
    public static final String CHANGE_TYPE = "ROADMAP";

    private static final Sort LIST_ORDER = Sort.by(Sort.Order.asc("region"), Sort.Order.desc("year"),
            Sort.Order.asc("title"), Sort.Order.asc("id"));

    private final RoadmapRepository roadmaps;
    private final OrganisationRepository organisations;
    private final ItemProgressSource progress;
    private final Outbox outbox;
    private final EntityManager entityManager;

    RoadmapService(RoadmapRepository roadmaps, OrganisationRepository organisations, ItemProgressSource progress,
            Outbox outbox, EntityManager entityManager) {
        this.roadmaps = roadmaps;
        this.organisations = organisations;
        this.progress = progress;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public PageResponse<RoadmapSummary> list(RoadmapFilter filter, int page, int size, CurrentUser user) {
        Specification<Roadmap> matching = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.region() != null) {
                where.add(cb.equal(root.get("region"), filter.region()));
            }
            if (filter.year() != null) {
                where.add(cb.equal(root.get("year"), filter.year()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.level() != null) {
                where.add(cb.equal(root.get("level"), filter.level()));
            }
            where.add(RoadmapAccess.readableBy(user).toPredicate(root, query, cb));
            return cb.and(where.toArray(Predicate[]::new));
        };
        return PageResponse.of(roadmaps.findAll(matching, PageRequest.of(page, size, LIST_ORDER)).map(Roadmap::summary));
    }

    /** The whole roadmap in order; 404 when it does not exist or the user may not read it. */
    @Transactional(readOnly = true)
    public RoadmapView get(UUID id, CurrentUser user) {
        return viewFor(readable(id, user), user);
    }

    @Transactional(readOnly = true)
    public Versioned<RoadmapView.SectionView> getSection(UUID id, UUID sectionId, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        RoadmapSection section = section(roadmap, sectionId);
        return new Versioned<>(section.view(marksFor(roadmap, user)), roadmap.getVersion());
    }

    @Transactional(readOnly = true)
    public Versioned<RoadmapView.ItemView> getItem(UUID id, UUID itemId, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        return new Versioned<>(item(roadmap, itemId).view(marksFor(roadmap, user)), roadmap.getVersion());
    }

    /** Organisations of a region (public: names of public bodies). */
    @Transactional(readOnly = true)
    public List<OrganisationView> organisations(String region) {
        return organisations.findByRegionOrderByFullName(region).stream().map(Organisation::view).toList();
    }

    // ---------------------------------------------------------------- roadmap lifecycle

    /**
     * Stores a whole roadmap as a DRAFT of its region: the entry point of the order importer and of
     * {@code POST /api/roadmaps}. Organisations are created or merged (by full name, per region) before the
     * items' executors are resolved against them.
     *
     * @param draft what was parsed; {@code region} {@code null} means the user's region
     * @param user  must be the regional operator of that region (else {@code AccessDeniedException})
     * @return the stored roadmap, version 0
     * @throws org.springframework.web.ErrorResponseException 400 naming the field when an executor is unknown
     */
    @Transactional
    public RoadmapView createDraft(@Valid RoadmapDraft draft, CurrentUser user) {
        String region = draft.region() == null ? user.region() : draft.region();
        RoadmapAccess.requireCreator(user, region);
        Instant now = Instant.now();
        List<Organisation> known = upsertOrganisations(region, draft.organisations(), now);
        Map<String, String> unknown = new LinkedHashMap<>();
        Roadmap roadmap = Roadmap.draft(region, draft, actor(user), now);
        for (int s = 0; s < draft.sections().size(); s++) {
            SectionDraft sectionDraft = draft.sections().get(s);
            RoadmapSection section = roadmap.addSection(sectionDraft.number(), sectionDraft.title(), null);
            for (int i = 0; i < sectionDraft.items().size(); i++) {
                ItemDraft item = sectionDraft.items().get(i);
                section.addItem(item, resolve(known, item, "sections[" + s + "].items[" + i + "].", unknown), null);
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.invalid(unknown);
        }
        entityManager.persist(roadmap);
        return publish(roadmap, user);
    }

    @Transactional
    public RoadmapView updateHeader(UUID id, long expectedVersion, @Valid RoadmapHeader header, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        roadmap.apply(header);
        roadmap.touch(actor(user), Instant.now());
        return publish(roadmap, user);
    }

    /** Deletes a draft; the feed gets a DELETE with the next version. */
    @Transactional
    public void delete(UUID id, long expectedVersion, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        Map<String, Object> tombstone = new LinkedHashMap<>();
        tombstone.put("id", roadmap.getId());
        tombstone.put("region", roadmap.getRegion());
        tombstone.put("status", roadmap.getStatus());
        roadmaps.delete(roadmap);
        entityManager.flush();
        outbox.append(CHANGE_TYPE, id, expectedVersion + 1, ChangeOperation.DELETE, tombstone);
    }

    /**
     * Regional ministry approves a draft of its region. A draft drafted as a new edition supersedes its
     * predecessor in the same transaction.
     */
    @Transactional
    public RoadmapView approve(UUID id, long expectedVersion, ApproveRequest request, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        RoadmapAccess.requireApprover(user, roadmap);
        checkVersion(roadmap, expectedVersion);
        if (roadmap.getStatus() != RoadmapStatus.DRAFT) {
            throw Problems.conflict("Утвердить можно только черновик; эта дорожная карта в статусе "
                    + roadmap.getStatus() + ".");
        }
        Instant now = Instant.now();
        if (roadmap.getPreviousId() != null) {
            Roadmap previous = roadmaps.findForUpdate(roadmap.getPreviousId())
                    .orElseThrow(() -> Problems.conflict("Предыдущая редакция дорожной карты не найдена."));
            if (previous.getStatus() != RoadmapStatus.APPROVED) {
                throw Problems.conflict("Предыдущая редакция уже заменена другой (статус " + previous.getStatus()
                        + "); эту редакцию утвердить нельзя.");
            }
            previous.supersede(roadmap.getId(), actor(user), now);
            publish(previous, user);
        }
        roadmap.approve(request == null ? null : request.approvingOrder(), actor(user), now);
        return publish(roadmap, user);
    }

    /** Drafts the next edition of an approved roadmap (a copy); approving it will supersede this one. */
    @Transactional
    public RoadmapView newVersion(UUID id, long expectedVersion, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        RoadmapAccess.requireEditor(user, roadmap);
        checkVersion(roadmap, expectedVersion);
        if (roadmap.getStatus() != RoadmapStatus.APPROVED) {
            throw Problems.conflict("Новую редакцию можно создать только из утверждённой дорожной карты.");
        }
        if (roadmaps.existsByPreviousIdAndStatus(id, RoadmapStatus.DRAFT)) {
            throw Problems.conflict("Черновик новой редакции этой дорожной карты уже есть.");
        }
        Roadmap next = roadmap.nextEdition(actor(user), Instant.now());
        entityManager.persist(next);
        return publish(next, user);
    }

    // ---------------------------------------------------------------- sections and items

    @Transactional
    public Versioned<RoadmapView.SectionView> addSection(UUID id, long expectedVersion, @Valid SectionData data,
            CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        RoadmapSection section = roadmap.addSection(data.number(), data.title(), data.position());
        roadmap.touch(actor(user), Instant.now());
        return sectionResult(roadmap, section, user);
    }

    @Transactional
    public Versioned<RoadmapView.SectionView> updateSection(UUID id, UUID sectionId, long expectedVersion,
            @Valid SectionData data, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        RoadmapSection section = section(roadmap, sectionId);
        section.rename(data.number(), data.title());
        if (data.position() != null) {
            roadmap.moveSection(section, data.position());
        }
        roadmap.touch(actor(user), Instant.now());
        return sectionResult(roadmap, section, user);
    }

    @Transactional
    public long deleteSection(UUID id, UUID sectionId, long expectedVersion, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        roadmap.removeSection(section(roadmap, sectionId));
        roadmap.touch(actor(user), Instant.now());
        return publish(roadmap, user).version();
    }

    @Transactional
    public Versioned<RoadmapView.ItemView> addItem(UUID id, UUID sectionId, long expectedVersion, Integer position,
            @Valid ItemDraft data, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        RoadmapSection section = section(roadmap, sectionId);
        RoadmapItem item = section.addItem(data, resolveOrFail(roadmap.getRegion(), data), position);
        roadmap.touch(actor(user), Instant.now());
        return itemResult(roadmap, item, user);
    }

    @Transactional
    public Versioned<RoadmapView.ItemView> updateItem(UUID id, UUID itemId, long expectedVersion, Integer position,
            @Valid ItemDraft data, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        RoadmapItem item = item(roadmap, itemId);
        item.apply(data, resolveOrFail(roadmap.getRegion(), data));
        if (position != null) {
            item.getSection().moveItem(item, position);
        }
        roadmap.touch(actor(user), Instant.now());
        return itemResult(roadmap, item, user);
    }

    @Transactional
    public long deleteItem(UUID id, UUID itemId, long expectedVersion, CurrentUser user) {
        Roadmap roadmap = editableDraft(id, expectedVersion, user);
        RoadmapItem item = item(roadmap, itemId);
        item.getSection().removeItem(item);
        roadmap.touch(actor(user), Instant.now());
        return publish(roadmap, user).version();
    }

    // ---------------------------------------------------------------- for the progress feature

    /**
     * Locks an approved roadmap for a progress report on one of its items: 404 when the roadmap or item is not
     * visible, 403 when the user may not report on it, 409 when it is not APPROVED. Call inside the report's
     * transaction, then {@link #progressChanged(UUID, CurrentUser)}.
     */
    @Transactional
    public void lockForProgress(UUID id, UUID itemId, CurrentUser user) {
        Roadmap roadmap = roadmaps.findForUpdate(id).filter(r -> RoadmapAccess.canRead(user, r))
                .orElseThrow(RoadmapService::roadmapNotFound);
        item(roadmap, itemId);
        RoadmapAccess.requireReporter(user, roadmap);
        if (roadmap.getStatus() != RoadmapStatus.APPROVED) {
            throw Problems.conflict("О ходе выполнения сообщают только по утверждённой дорожной карте.");
        }
    }

    /** Bumps the version of a roadmap whose progress changed and appends it to the outbox. */
    @Transactional
    public RoadmapView progressChanged(UUID id, CurrentUser user) {
        Roadmap roadmap = roadmaps.findById(id).orElseThrow(RoadmapService::roadmapNotFound);
        roadmap.touch(actor(user), Instant.now());
        return publish(roadmap, user);
    }

    /** The roadmap for monitoring (progress lists, overdue): federal analyst and the region's staff only. */
    @Transactional(readOnly = true)
    public RoadmapView forMonitoring(UUID id, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        RoadmapAccess.requireMonitor(user, roadmap);
        return view(roadmap);
    }

    // ---------------------------------------------------------------- internals

    private Roadmap readable(UUID id, CurrentUser user) {
        Specification<Roadmap> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return roadmaps.findOne(byId.and(RoadmapAccess.readableBy(user))).orElseThrow(RoadmapService::roadmapNotFound);
    }

    private Roadmap editableDraft(UUID id, long expectedVersion, CurrentUser user) {
        Roadmap roadmap = readable(id, user);
        RoadmapAccess.requireEditor(user, roadmap);
        checkVersion(roadmap, expectedVersion);
        if (roadmap.getStatus() != RoadmapStatus.DRAFT) {
            throw Problems.conflict("Утверждённая дорожная карта не изменяется: создайте новую редакцию "
                    + "(POST /api/roadmaps/" + id + "/new-version).");
        }
        return roadmap;
    }

    private static void checkVersion(Roadmap roadmap, long expectedVersion) {
        if (roadmap.getVersion() != expectedVersion) {
            throw Problems.stale(roadmap.getVersion());
        }
    }

    private static RoadmapSection section(Roadmap roadmap, UUID sectionId) {
        return roadmap.section(sectionId)
                .orElseThrow(() -> Problems.notFound("Раздел " + sectionId + " в этой дорожной карте не найден."));
    }

    private static RoadmapItem item(Roadmap roadmap, UUID itemId) {
        return roadmap.item(itemId)
                .orElseThrow(() -> Problems.notFound("Мероприятие " + itemId + " в этой дорожной карте не найдено."));
    }

    private static RuntimeException roadmapNotFound() {
        return Problems.notFound("Дорожная карта не найдена.");
    }

    /** The whole roadmap with all progress: for the change feed (read by the indexer only) and monitoring. */
    private RoadmapView view(Roadmap roadmap) {
        return roadmap.view(progress.marksOf(roadmap.getId()));
    }

    /** The roadmap as the user may see it: without progress unless {@link RoadmapAccess#seesProgress}. */
    private RoadmapView viewFor(Roadmap roadmap, CurrentUser user) {
        return roadmap.view(marksFor(roadmap, user));
    }

    private Map<UUID, List<RoadmapView.ProgressMark>> marksFor(Roadmap roadmap, CurrentUser user) {
        return RoadmapAccess.seesProgress(user, roadmap) ? progress.marksOf(roadmap.getId()) : null;
    }

    /**
     * Flushes (the version is bumped), then appends the whole snapshot to the outbox in this transaction; answers
     * the snapshot as the user may see it.
     */
    private RoadmapView publish(Roadmap roadmap, CurrentUser user) {
        entityManager.flush();
        RoadmapView view = view(roadmap);
        outbox.append(CHANGE_TYPE, roadmap.getId(), roadmap.getVersion(), ChangeOperation.UPSERT, view);
        return RoadmapAccess.seesProgress(user, roadmap) ? view : roadmap.view(null);
    }

    private Versioned<RoadmapView.SectionView> sectionResult(Roadmap roadmap, RoadmapSection section,
            CurrentUser user) {
        RoadmapView view = publish(roadmap, user);
        return new Versioned<>(view.sections().stream().filter(s -> s.id().equals(section.getId())).findFirst()
                .orElseThrow(), view.version());
    }

    private Versioned<RoadmapView.ItemView> itemResult(Roadmap roadmap, RoadmapItem item, CurrentUser user) {
        RoadmapView view = publish(roadmap, user);
        return new Versioned<>(view.sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.id().equals(item.getId())).findFirst().orElseThrow(), view.version());
    }

    private List<Organisation> upsertOrganisations(String region, List<OrganisationDraft> drafts, Instant now) {
        List<Organisation> known = new ArrayList<>(organisations.findByRegionOrderByFullName(region));
        for (OrganisationDraft draft : drafts) {
            known.stream().filter(o -> Organisation.normalise(o.getFullName()).equals(Organisation.normalise(draft.fullName())))
                    .findFirst()
                    .ifPresentOrElse(existing -> existing.merge(draft), () -> {
                        Organisation created = new Organisation(region, draft, now);
                        entityManager.persist(created);
                        known.add(created);
                    });
        }
        return known;
    }

    private List<Organisation> resolveOrFail(String region, ItemDraft item) {
        Map<String, String> unknown = new LinkedHashMap<>();
        List<Organisation> resolved = resolve(organisations.findByRegionOrderByFullName(region), item, "", unknown);
        if (!unknown.isEmpty()) {
            throw Problems.invalid(unknown);
        }
        return resolved;
    }

    private static List<Organisation> resolve(List<Organisation> known, ItemDraft item, String path,
            Map<String, String> unknown) {
        List<Organisation> resolved = new ArrayList<>();
        for (String name : item.executors()) {
            known.stream().filter(o -> o.answersTo(name)).findFirst().ifPresentOrElse(resolved::add,
                    () -> unknown.put(path + "executors[" + resolvedIndex(item, name) + "]",
                            "организация «" + name + "» не найдена в регионе"));
        }
        return resolved;
    }

    private static int resolvedIndex(ItemDraft item, String name) {
        return item.executors().indexOf(name);
    }

    private static String actor(CurrentUser user) {
        return user.username() != null ? user.username() : user.subject();
    }
}
