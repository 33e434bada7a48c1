package ru.school500.roadmapservice.roadmap;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoadmapRepository extends JpaRepository<Roadmap, UUID>, JpaSpecificationExecutor<Roadmap> {

    /** Locks the row (select … for update) so concurrent progress reports bump the version one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Roadmap r where r.id = :id")
    Optional<Roadmap> findForUpdate(@Param("id") UUID id);

    boolean existsByPreviousIdAndStatus(UUID previousId, RoadmapStatus status);
}
