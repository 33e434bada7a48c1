package ru.school500.roadmapservice.roadmap.importer;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.school500.roadmapservice.roadmap.RoadmapView;

/**
 * The answer of a saved import: the DRAFT roadmap as {@code GET /api/roadmaps/{id}} shows it, the doubts the
 * importer found, and the order file as document-service stored it.
 */
@Schema(description = "Результат импорта: созданный черновик, предупреждения и сохранённый исходный файл")
public record ImportedRoadmap(
        @Schema(description = "Черновик дорожной карты (как GET /api/roadmaps/{id})") RoadmapView roadmap,
        @Schema(description = "Сомнения и противоречия, найденные при разборе") List<ImportWarning> warnings,
        @Schema(description = "Исходный файл распоряжения в сервисе документов") SourceFile sourceDocument) {

    @Schema(description = "Документ типа ORDER в сервисе документов")
    public record SourceFile(@Schema(description = "Идентификатор документа") UUID id,
            @Schema(description = "Версия документа", example = "1") long version,
            @Schema(description = "SHA-256 файла (hex)") String sha256) {
    }
}
