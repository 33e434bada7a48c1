package ru.school500.roadmapservice.roadmap;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A numbered section row of the annex with its items in order. Sections are a flat ordered list: a heading
 * row without items (Irkutsk's "1. Подготовка и запуск программы." followed by "1. Создание организационной
 * инфраструктуры…") is a section with no items, so the annex is reproduced row by row.
 *
 * @param number as written ("1.", "1"), may be {@code null}
 * @param title  the heading text
 * @param items  its rows, in order
 */
public record SectionDraft(
        @Size(max = 50) String number,
        @NotBlank @Size(max = 10000) String title,
        @Size(max = 1000) List<@Valid @NotNull ItemDraft> items) {

    public SectionDraft {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
