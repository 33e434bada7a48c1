package ru.school500.roadmapservice.roadmap;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One roadmap row (мероприятие): the body of item create/update and the unit of {@link SectionDraft}.
 *
 * @param number            as written: "1.12"; {@code null} if the order has none
 * @param task              task text (Задачи / Описание действий / Наименование мероприятия)
 * @param deadline          raw deadline text plus parsed periods and kind
 * @param executorsText     the executors cell verbatim
 * @param executors         resolved executors: each a full name, short name or alias of an organisation of the
 *                          roadmap's region (given in {@link RoadmapDraft#organisations()} or already stored);
 *                          an unknown name is a validation error
 * @param indicatorText     indicator of completion (Показатель реализации) verbatim
 * @param indicatorQuantity quantity parsed from the indicator ("не менее 41 …" → 41), optional
 * @param indicatorUnit     unit of that quantity ("%", "мероприятие"), optional
 * @param informationText   the information column (Информационное сопровождение) verbatim
 * @param links             URLs found in it, in order
 * @param notes             anything else (importer remarks, comments)
 */
public record ItemDraft(
        @Size(max = 50) String number,
        @NotBlank @Size(max = 20000) String task,
        @NotNull @Valid Deadline deadline,
        @Size(max = 10000) String executorsText,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> executors,
        @Size(max = 10000) String indicatorText,
        @Digits(integer = 12, fraction = 2, message = "не больше 12 цифр до запятой и 2 после") BigDecimal indicatorQuantity,
        @Size(max = 100) String indicatorUnit,
        @Size(max = 10000) String informationText,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+",
                message = "ожидается адрес http(s)://…") String> links,
        @Size(max = 20000) String notes) {

    public ItemDraft {
        executors = executors == null ? List.of() : List.copyOf(executors);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
