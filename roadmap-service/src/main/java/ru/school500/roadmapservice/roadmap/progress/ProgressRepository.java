package ru.school500.roadmapservice.roadmap.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressRepository extends JpaRepository<ProgressReport, UUID> {

    Optional<ProgressReport> findByItemIdAndStage(UUID itemId, LocalDate stage);

    List<ProgressReport> findByRoadmapIdOrderByStageAscItemIdAsc(UUID roadmapId);
}
