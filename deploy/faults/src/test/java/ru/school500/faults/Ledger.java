package ru.school500.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every write the platform acknowledged during a scenario: what the final check must find stored and searchable. */
final class Ledger {

    /** A school material answered 201. */
    record Upload(String id, String title, long size, String sha256) {
    }

    /** The last acknowledged state of a roadmap draft (201 on create, 200 on each edit). */
    record RoadmapEdit(String id, long version, String title) {
    }

    private final String marker;
    private final List<Upload> uploads = new ArrayList<>();
    private final Map<String, RoadmapEdit> roadmaps = new ConcurrentHashMap<>();

    Ledger(String marker) {
        this.marker = marker;
    }

    /** A word in every title and text of this scenario's writes, so that one search finds them all. */
    String marker() {
        return marker;
    }

    synchronized void uploaded(Upload upload) {
        uploads.add(upload);
    }

    void edited(RoadmapEdit edit) {
        roadmaps.merge(edit.id(), edit, (old, now) -> now.version() >= old.version() ? now : old);
    }

    synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    List<RoadmapEdit> roadmaps() {
        return List.copyOf(roadmaps.values());
    }

    @Override
    public String toString() {
        return marker + ": " + uploads().size() + " uploads, " + roadmaps.size() + " roadmaps acknowledged";
    }
}
