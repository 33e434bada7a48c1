package ru.school500.roadmapservice.roadmap;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    List<Organisation> findByRegionOrderByFullName(String region);
}
