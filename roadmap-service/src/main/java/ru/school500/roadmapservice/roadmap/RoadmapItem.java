package ru.school500.roadmapservice.roadmap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "roadmap_item")
class RoadmapItem {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private RoadmapSection section;
    private int position;
    private String number;
    private String task;
    private String deadlineText;
    @Enumerated(EnumType.STRING)
    private DeadlineKind deadlineKind;
    @ElementCollection
    @CollectionTable(name = "roadmap_item_period", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    private List<DeadlinePeriod> periods = new ArrayList<>();
    private String executorsText;
    @ManyToMany
    @JoinTable(name = "roadmap_item_executor", joinColumns = @JoinColumn(name = "item_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    private List<Organisation> executors = new ArrayList<>();
    private String indicatorText;
    private BigDecimal indicatorQuantity;
    private String indicatorUnit;
    private String informationText;
    @ElementCollection
    @CollectionTable(name = "roadmap_item_link", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    private List<String> links = new ArrayList<>();
    private String notes;

    protected RoadmapItem() {
    }

    RoadmapItem(RoadmapSection section, ItemDraft draft, List<Organisation> executors) {
        this.id = UUID.randomUUID();
        this.section = section;
        apply(draft, executors);
    }

    void apply(ItemDraft draft, List<Organisation> resolvedExecutors) {
        number = draft.number();
        task = draft.task();
        deadlineText = draft.deadline().text();
        deadlineKind = draft.deadline().kind();
        periods.clear();
        draft.deadline().periods().forEach(period -> periods.add(new DeadlinePeriod(period)));
        executorsText = draft.executorsText();
        executors.clear();
        executors.addAll(resolvedExecutors);
        indicatorText = draft.indicatorText();
        indicatorQuantity = draft.indicatorQuantity();
        indicatorUnit = draft.indicatorUnit();
        informationText = draft.informationText();
        links.clear();
        links.addAll(draft.links());
        notes = draft.notes();
    }

    /** The item as a draft again (executors by full name): used to copy it into a new edition. */
    ItemDraft draft() {
        return new ItemDraft(number, task, deadline(), executorsText,
                executors.stream().map(Organisation::getFullName).toList(), indicatorText, indicatorQuantity,
                indicatorUnit, informationText, List.copyOf(links), notes);
    }

    List<Organisation> executors() {
        return List.copyOf(executors);
    }

    Deadline deadline() {
        return new Deadline(deadlineText, deadlineKind, periods.stream().map(DeadlinePeriod::view).toList());
    }

    /** @param progress marks per item; {@code null} when the reader may not see progress (no {@code progress}) */
    RoadmapView.ItemView view(Map<UUID, List<RoadmapView.ProgressMark>> progress) {
        return new RoadmapView.ItemView(id, section.getId(), number, task, deadline(), executorsText,
                executors.stream().map(Organisation::executorView).toList(), indicatorText, indicatorQuantity,
                indicatorUnit, informationText, List.copyOf(links), notes, position,
                progress == null ? null : progress.getOrDefault(id, List.of()));
    }

    UUID getId() {
        return id;
    }

    RoadmapSection getSection() {
        return section;
    }

    void setPosition(int position) {
        this.position = position;
    }
}
