package ru.school500.documentservice.practice;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

interface PracticeRepository extends JpaRepository<Practice, UUID>, JpaSpecificationExecutor<Practice> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Practice p where p.id = :id")
    Optional<Practice> findForUpdate(@Param("id") UUID id);
}
