package ru.school500.roadmapservice.roadmap;

import jakarta.validation.Valid;

/**
 * Optional body of {@code POST /api/roadmaps/{id}/approve}.
 *
 * @param approvingOrder the signed order, replacing the draft's reference when given
 */
public record ApproveRequest(@Valid OrderReference approvingOrder) {
}
