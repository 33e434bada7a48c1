package ru.school500.roadmapservice.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The aggregate root: every change to a section or item bumps its {@link #version}. */
@Entity
@Table(name = "roadmap")
class Roadmap {

    @Id
    private UUID id;
    private String region;
    private String municipality;
    @Enumerated(EnumType.STRING)
    private RoadmapLevel level;
    private String title;
    private Integer year;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    private RoadmapStatus status;
    private int edition;
    private UUID previousId;
    private UUID supersededById;
    @Embedded
    private OrderRef approvingOrder;
    @ElementCollection
    @CollectionTable(name = "roadmap_repealed_order", joinColumns = @JoinColumn(name = "roadmap_id"))
    @OrderColumn(name = "position")
    private List<OrderRef> repealedOrders = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "roadmap_column_heading", joinColumns = @JoinColumn(name = "roadmap_id"))
    @OrderColumn(name = "position")
    @Column(name = "heading")
    private List<String> columnHeadings = new ArrayList<>();
    @OneToMany(mappedBy = "roadmap", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RoadmapSection> sections = new ArrayList<>();
    private String approvedBy;
    private Instant approvedAt;
    @Version
    private long version;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    protected Roadmap() {
    }

    static Roadmap draft(String region, RoadmapDraft draft, String user, Instant now) {
        Roadmap roadmap = new Roadmap();
        roadmap.id = UUID.randomUUID();
        roadmap.region = region;
        roadmap.status = RoadmapStatus.DRAFT;
        roadmap.edition = 1;
        roadmap.createdBy = user;
        roadmap.createdAt = now;
        roadmap.updatedBy = user;
        roadmap.updatedAt = now;
        roadmap.apply(new RoadmapHeader(draft.level(), draft.municipality(), draft.title(), draft.year(),
                draft.periodStart(), draft.periodEnd(), draft.columnHeadings(), draft.approvingOrder(),
                draft.repealedOrders()));
        return roadmap;
    }

    /** A DRAFT copy of this approved roadmap: the next edition, same sections, items and executors. */
    Roadmap nextEdition(String user, Instant now) {
        Roadmap next = new Roadmap();
        next.id = UUID.randomUUID();
        next.region = region;
        next.status = RoadmapStatus.DRAFT;
        next.edition = edition + 1;
        next.previousId = id;
        next.createdBy = user;
        next.createdAt = now;
        next.updatedBy = user;
        next.updatedAt = now;
        next.apply(header());
        next.approvingOrder = null;
        for (RoadmapSection section : sections) {
            RoadmapSection copy = next.addSection(section.getNumber(), section.getTitle(), null);
            for (RoadmapItem item : section.getItems()) {
                copy.addItem(item.draft(), item.executors(), null);
            }
        }
        return next;
    }

    void apply(RoadmapHeader header) {
        level = header.level();
        municipality = header.municipality();
        title = header.title();
        year = header.year();
        periodStart = header.periodStart();
        periodEnd = header.periodEnd();
        columnHeadings.clear();
        columnHeadings.addAll(header.columnHeadings());
        approvingOrder = OrderRef.of(header.approvingOrder());
        repealedOrders.clear();
        header.repealedOrders().forEach(order -> repealedOrders.add(OrderRef.of(order)));
    }

    RoadmapHeader header() {
        return new RoadmapHeader(level, municipality, title, year, periodStart, periodEnd, List.copyOf(columnHeadings),
                approvingOrderView(), repealedOrders.stream().map(OrderRef::view).toList());
    }

    RoadmapSection addSection(String number, String title, Integer position) {
        RoadmapSection section = new RoadmapSection(this, number, title);
        sections.add(position == null ? sections.size() : Math.min(position, sections.size()), section);
        renumber();
        return section;
    }

    void moveSection(RoadmapSection section, int position) {
        sections.remove(section);
        sections.add(Math.min(position, sections.size()), section);
        renumber();
    }

    void removeSection(RoadmapSection section) {
        sections.remove(section);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < sections.size(); i++) {
            sections.get(i).setPosition(i);
        }
    }

    Optional<RoadmapSection> section(UUID sectionId) {
        return sections.stream().filter(s -> s.getId().equals(sectionId)).findFirst();
    }

    Optional<RoadmapItem> item(UUID itemId) {
        return sections.stream().flatMap(s -> s.getItems().stream()).filter(i -> i.getId().equals(itemId))
                .findFirst();
    }

    void approve(OrderReference order, String user, Instant now) {
        if (order != null) {
            approvingOrder = OrderRef.of(order);
        }
        status = RoadmapStatus.APPROVED;
        approvedBy = user;
        approvedAt = now;
        touch(user, now);
    }

    void supersede(UUID successor, String user, Instant now) {
        status = RoadmapStatus.SUPERSEDED;
        supersededById = successor;
        touch(user, now);
    }

    /** Marks the aggregate changed: the version is bumped at flush even when only a child changed. */
    void touch(String user, Instant now) {
        updatedBy = user;
        updatedAt = now;
    }

    private OrderReference approvingOrderView() {
        return approvingOrder == null || approvingOrder.isEmpty() ? null : approvingOrder.view();
    }

    RoadmapView view(Map<UUID, List<RoadmapView.ProgressMark>> progress) {
        return new RoadmapView(id, region, municipality, level, title, year, periodStart, periodEnd, status, edition,
                previousId, supersededById, version, approvingOrderView(),
                repealedOrders.stream().map(OrderRef::view).toList(), List.copyOf(columnHeadings),
                sections.stream().map(section -> section.view(progress)).toList(), createdBy, createdAt, updatedBy,
                updatedAt, approvedBy, approvedAt);
    }

    RoadmapSummary summary() {
        OrderReference order = approvingOrderView();
        return new RoadmapSummary(id, region, municipality, level, title, year, periodStart, periodEnd, status, edition,
                version, order == null ? null : order.number(), order == null ? null : order.date(), updatedAt);
    }

    UUID getId() {
        return id;
    }

    String getRegion() {
        return region;
    }

    RoadmapStatus getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }

    UUID getPreviousId() {
        return previousId;
    }

    UUID getSupersededById() {
        return supersededById;
    }

    List<RoadmapSection> getSections() {
        return sections;
    }
}
