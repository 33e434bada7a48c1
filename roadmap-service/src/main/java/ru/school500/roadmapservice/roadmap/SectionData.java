package ru.school500.roadmapservice.roadmap;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of section create/update.
 *
 * @param number   as written, may be {@code null}
 * @param title    heading text
 * @param position 0-based place among the roadmap's sections; {@code null} appends (create) or keeps (update)
 */
public record SectionData(@Size(max = 50) String number, @NotBlank @Size(max = 10000) String title,
        @Min(0) Integer position) {
}
