package ru.school500.roadmapservice.roadmap;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoadmapRepository extends JpaRepository<Roadmap, UUID> {

    /** Approved and superseded roadmaps of every region, plus drafts of the one region given (may be null). */
    @Query("""
            select r from Roadmap r
            where r.status <> ru.school500.roadmapservice.roadmap.RoadmapStatus.DRAFT
               or (:draftRegion is not null and r.region = :draftRegion)
            order by r.region, r.year desc, r.title""")
    Page<Roadmap> findVisible(@Param("draftRegion") String draftRegion, Pageable pageable);
}
