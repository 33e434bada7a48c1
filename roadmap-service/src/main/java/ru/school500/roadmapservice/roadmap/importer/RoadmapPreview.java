package ru.school500.roadmapservice.roadmap.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the importer read from an order: the order's header, the annex as sections with items, the
 * organisations named as executors, and every doubt found on the way. Nothing in it is stored by a dry run.
 */
@Schema(description = "Предпросмотр импортированной дорожной карты: реквизиты распоряжения, разделы и мероприятия, "
        + "организации-исполнители и предупреждения")
public record RoadmapPreview(
        @Schema(description = "Определённый по содержимому формат файла", example = "application/pdf") String format,
        @Schema(description = "Реквизиты распоряжения") OrderHeader order,
        @Schema(description = "Заголовок приложения (дорожной карты)",
                example = "ДОРОЖНАЯ КАРТА по реализации проекта … в Кировской области в 2022 году") String title,
        @Schema(description = "Год дорожной карты: из заголовка приложения, иначе из даты распоряжения",
                example = "2022", nullable = true) Integer year,
        @Schema(description = "Уровень дорожной карты, определённый по органу и заголовку; при сомнении — "
                + "предупреждение LEVEL_UNCERTAIN, оператор может указать уровень при импорте") Level level,
        @Schema(description = "Муниципальное образование муниципальной дорожной карты (в именительном падеже)",
                example = "город Слободской", nullable = true) String municipality,
        @Schema(description = "Столбцы приложения и их распознанное назначение") List<Column> columns,
        @Schema(description = "Разделы с мероприятиями в порядке документа") List<Section> sections,
        @Schema(description = "Организации-исполнители с сокращениями") List<Organisation> organisations,
        @Schema(description = "Сомнения и противоречия, найденные при разборе") List<ImportWarning> warnings,
        @Schema(description = "Число мероприятий", example = "31") int itemCount) {

    /** Whose roadmap it is: the region's own or one municipality's. */
    @Schema(description = "Уровень: региональная или муниципальная дорожная карта")
    public enum Level {
        REGIONAL, MUNICIPAL
    }

    /** The order's header. Any field the document does not show is {@code null} (and warned about). */
    @Schema(description = "Реквизиты распоряжения")
    public record OrderHeader(
            @Schema(example = "Министерство образования Кировской области", nullable = true) String authority,
            @Schema(description = "Вид документа", example = "распоряжение", nullable = true) String documentType,
            @Schema(example = "2022-03-16", nullable = true) LocalDate date,
            @Schema(example = "324", nullable = true) String number,
            @Schema(example = "Киров", nullable = true) String city,
            @Schema(example = "Об утверждении дорожной карты …", nullable = true) String title,
            @Schema(nullable = true) Signatory signatory,
            @Schema(description = "Распоряжения, признанные утратившими силу") List<OrderReference> repeals,
            @Schema(description = "Реквизиты, указанные в грифе «УТВЕРЖДЕНА» приложения", nullable = true)
            OrderReference annexCites) {
    }

    @Schema(description = "Подписавшее лицо")
    public record Signatory(@Schema(example = "О.Н. Рысева") String name,
            @Schema(example = "Министр образования Кировской области", nullable = true) String position) {
    }

    @Schema(description = "Ссылка на другое распоряжение")
    public record OrderReference(@Schema(example = "2021-03-24", nullable = true) LocalDate date,
            @Schema(example = "384") String number,
            @Schema(description = "Название в кавычках, если указано", nullable = true) String title) {
    }

    @Schema(description = "Столбец приложения")
    public record Column(@Schema(description = "Заголовок как в документе", example = "Сроки реализации") String heading,
            @Schema(description = "Назначение; null — столбец не распознан", nullable = true) ColumnRole role) {
    }

    @Schema(description = "Раздел дорожной карты")
    public record Section(@Schema(example = "1", nullable = true) String number,
            @Schema(example = "Организационные мероприятия …", nullable = true) String title,
            @Schema(description = "Дополнительные заголовочные строки раздела") List<String> subtitles,
            List<Item> items) {
    }

    @Schema(description = "Мероприятие (пункт) дорожной карты")
    public record Item(
            @Schema(example = "1.12") String number,
            @Schema(description = "Наименование мероприятия / задачи") String text,
            ParsedDeadline deadline,
            @Schema(description = "Ячейка исполнителей как в документе") String executorsText,
            @Schema(description = "Исполнители, разделённые на организации") List<Executor> executors,
            @Schema(description = "Показатель реализации", nullable = true) String indicator,
            @Schema(description = "Информационное сопровождение", nullable = true) String information,
            @Schema(description = "Ссылки (URL) из ячеек мероприятия") List<String> links,
            @Schema(description = "Примечание", nullable = true) String note,
            @Schema(description = "Нераспознанные столбцы: заголовок → текст") Map<String, String> otherColumns) {
    }

    @Schema(description = "Исполнитель мероприятия")
    public record Executor(@Schema(description = "Как записано в ячейке", example = "ЦНППМ") String name,
            @Schema(description = "Идентификатор организации в списке organisations", example = "org-3")
            String organisation) {
    }

    @Schema(description = "Организация-исполнитель")
    public record Organisation(@Schema(example = "org-3") String id,
            @Schema(description = "Полное наименование в именительном падеже (из расшифровки «далее – …», если она "
                    + "есть)") String name,
            @Schema(description = "Наименование, как оно записано в документе, если оно отличается от name",
                    nullable = true) String writtenAs,
            OrganisationType type,
            @Schema(description = "Сокращения и другие написания, встреченные в документе") List<String> aliases) {
    }

    @Schema(description = "Предполагаемый тип организации")
    public enum OrganisationType {
        MINISTRY, REGIONAL_INSTITUTE, MUNICIPAL_BODY, SCHOOL, OTHER
    }
}
