package ru.school500.roadmapservice.roadmap.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.school500.roadmapservice.roadmap.ItemProgressSource;
import ru.school500.roadmapservice.roadmap.RoadmapView.ProgressMark;

/** Feeds reported statuses into the roadmap view and its change-feed payload. */
@Component
class ProgressMarks implements ItemProgressSource {

    private final ProgressRepository reports;

    ProgressMarks(ProgressRepository reports) {
        this.reports = reports;
    }

    @Override
    public Map<UUID, List<ProgressMark>> marksOf(UUID roadmapId) {
        return reports.findByRoadmapIdOrderByStageAscItemIdAsc(roadmapId).stream()
                .collect(Collectors.groupingBy(ProgressReport::getItemId, LinkedHashMap::new, Collectors.mapping(
                        report -> new ProgressMark(report.getStage(), report.getStatus().name()), Collectors.toList())));
    }
}
