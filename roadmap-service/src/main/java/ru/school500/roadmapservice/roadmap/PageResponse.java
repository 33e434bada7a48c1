package ru.school500.roadmapservice.roadmap;

import java.util.List;

import org.springframework.data.domain.Page;

/** Stable JSON shape of a page (Spring's {@code Page} serialisation is not a contract). */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
