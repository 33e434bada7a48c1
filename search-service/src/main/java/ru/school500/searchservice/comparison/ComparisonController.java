package ru.school500.searchservice.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.school500.searchservice.security.CurrentUser;

/** {@code /api/comparison}: federal analysts, and regional staff for their own region against published data. */
@RestController
@Validated
@RequestMapping("/api/comparison")
@Tag(name = "Сравнение регионов")
class ComparisonController {

    private static final String UUID = "[0-9a-fA-F-]{36}";

    private final ComparisonService comparisons;

    ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping
    @Operation(summary = "Все представления сравнения дорожных карт",
            description = "Матрица «категория × регион» с номерами мероприятий, типы исполнителей, помесячная "
                    + "шкала (календарные месяцы и месяцы от начала года дорожной карты), просроченные на дату (по "
                    + "умолчанию — на конец периода каждой дорожной карты, а пока он идёт — на сегодня), похожие мероприятия разных регионов, "
                    + "оценка полноты по рубрике. 404 — дорожной карты нет или она не видна вызывающему (черновик "
                    + "другого региона); ход выполнения учитывается только для тех, кто видит мониторинг региона.")
    Comparison compare(
            @RequestParam("roadmap") @NotEmpty @Size(max = ComparisonService.MAX_ROADMAPS)
            List<@Pattern(regexp = UUID, message = "ожидается идентификатор дорожной карты (UUID)") String> roadmaps,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(description = "false — без текстов мероприятий (нет списка items, в просроченных только номер "
                    + "и срок): так страница сравнения многих регионов загружается быстро, а пункты ячейки берёт из "
                    + "/api/comparison/items")
            @RequestParam(defaultValue = "true") boolean details) {
        Comparison comparison = comparisons.compare(roadmaps, date, CurrentUser.current());
        return details ? comparison : comparison.withoutTexts();
    }

    @GetMapping("/items")
    @Operation(summary = "Мероприятия одной дорожной карты из сравнения: тексты, категории и их основания",
            description = "С category — пункты одной ячейки матрицы (UNCLASSIFIED — не отнесённые ни к одной "
                    + "категории), без неё — все пункты дорожной карты. Видимость, ручная классификация и ход "
                    + "выполнения — как в сравнении; 404 — дорожной карты нет или она не видна вызывающему.")
    ComparisonService.ComparisonItems items(
            @RequestParam("roadmap") @Pattern(regexp = UUID, message = "ожидается идентификатор дорожной карты (UUID)")
            String roadmap,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}",
                    message = "ожидается код категории (латинские заглавные буквы, цифры и _, до 40 знаков)")
            String category) {
        return comparisons.items(roadmap, category, CurrentUser.current());
    }

    @GetMapping("/export")
    @Operation(summary = "Сравнение в XLSX, по листу на представление")
    ResponseEntity<byte[]> export(
            @RequestParam("roadmap") @NotEmpty @Size(max = ComparisonService.MAX_ROADMAPS)
            List<@Pattern(regexp = UUID, message = "ожидается идентификатор дорожной карты (UUID)") String> roadmaps,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date)
            throws IOException {
        Comparison comparison = comparisons.compare(roadmaps, date,
                CurrentUser.current());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ComparisonWorkbook.write(comparison, xlsx);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ComparisonWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("Сравнение дорожных карт.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx.toByteArray());
    }

    @PutMapping("/classifications/{itemId}")
    @Operation(summary = "Задать категории мероприятия вручную (сохраняется при повторном импорте)")
    ClassificationOverrides.Override override(@PathVariable @Pattern(regexp = UUID) String itemId,
            @Valid @RequestBody OverrideRequest request) {
        return comparisons.override(itemId, request.categories(), request.comment(), CurrentUser.current());
    }

    @DeleteMapping("/classifications/{itemId}")
    @Operation(summary = "Вернуть автоматическую классификацию мероприятия")
    ResponseEntity<Void> removeOverride(@PathVariable @Pattern(regexp = UUID) String itemId) {
        comparisons.removeOverride(itemId, CurrentUser.current());
        return ResponseEntity.noContent().build();
    }

    record OverrideRequest(@NotNull @Size(max = 12) List<@NotNull @Size(max = 40) String> categories,
            @Size(max = 1000) String comment) {
    }
}
