package ru.school500.roadmapservice.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "roadmap_section")
class RoadmapSection {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "roadmap_id")
    private Roadmap roadmap;
    private int position;
    private String number;
    private String title;
    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RoadmapItem> items = new ArrayList<>();

    protected RoadmapSection() {
    }

    RoadmapSection(Roadmap roadmap, String number, String title) {
        this.id = UUID.randomUUID();
        this.roadmap = roadmap;
        this.number = number;
        this.title = title;
    }

    void rename(String number, String title) {
        this.number = number;
        this.title = title;
    }

    RoadmapItem addItem(ItemDraft draft, List<Organisation> executors, Integer position) {
        RoadmapItem item = new RoadmapItem(this, draft, executors);
        items.add(position == null ? items.size() : Math.min(position, items.size()), item);
        renumber();
        return item;
    }

    void moveItem(RoadmapItem item, int position) {
        items.remove(item);
        items.add(Math.min(position, items.size()), item);
        renumber();
    }

    void removeItem(RoadmapItem item) {
        items.remove(item);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).setPosition(i);
        }
    }

    List<RoadmapItem> getItems() {
        return items;
    }

    RoadmapView.SectionView view(Map<UUID, List<RoadmapView.ProgressMark>> progress) {
        return new RoadmapView.SectionView(id, number, title, position,
                items.stream().map(item -> item.view(progress)).toList());
    }

    SectionDraft draft() {
        return new SectionDraft(number, title, items.stream().map(RoadmapItem::draft).toList());
    }

    String getNumber() {
        return number;
    }

    String getTitle() {
        return title;
    }

    UUID getId() {
        return id;
    }

    Roadmap getRoadmap() {
        return roadmap;
    }

    void setPosition(int position) {
        this.position = position;
    }
}
