package ru.school500.roadmapservice.roadmap.importer;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A doubt found while reading the order: the importer reports it instead of silently picking a reading.
 *
 * @param code what kind of doubt
 * @param message what is wrong, in Russian, for the operator
 * @param location where in the document
 */
@Schema(description = "Предупреждение импорта с указанием места")
public record ImportWarning(Code code, String message, Location location) {

    @Schema(description = """
            ORDER_CONTRADICTION — реквизиты в приложении расходятся с распоряжением; MISSING_HEADER_FIELD — реквизит
            не найден; NUMBERING_GAP — пропуск в нумерации; DUPLICATE_NUMBER — номер повторяется; NUMBERING_MISMATCH —
            номер пункта не из своего раздела; UNPARSED_DEADLINE — срок не разобран; EMPTY_FIELD — пустая ячейка;
            DEADLINE_BEFORE_ORDER — срок истёк до даты распоряжения; UNKNOWN_COLUMN — столбец не распознан;
            UNPLACED_ROW — строку не удалось отнести к пункту; PAGE_BREAK_REPAIRED — повтор текста на разрыве страницы
            удалён; ALIAS_MISMATCH — сокращение не определено, сопоставлено по названию; NAME_VARIANT — организация
            записана по-разному; ORGANISATION_CONFLICT — одно сокращение расшифровано по-разному; DUPLICATE_ITEM —
            мероприятие дословно повторяет другое; LEVEL_UNCERTAIN — уровень или муниципалитет определены неуверенно""")
    public enum Code {
        ORDER_CONTRADICTION, MISSING_HEADER_FIELD, NUMBERING_GAP, DUPLICATE_NUMBER, NUMBERING_MISMATCH,
        UNPARSED_DEADLINE, EMPTY_FIELD, DEADLINE_BEFORE_ORDER, UNKNOWN_COLUMN, UNPLACED_ROW, PAGE_BREAK_REPAIRED,
        ALIAS_MISMATCH, NAME_VARIANT, ORGANISATION_CONFLICT, DUPLICATE_ITEM, LEVEL_UNCERTAIN
    }

    /**
     * @param item the roadmap item or section number, when the doubt belongs to one
     * @param line 1-based line of a text file, or paragraph/row ordinal of DOCX, or line of a PDF
     * @param column the annex column heading, when the doubt belongs to one cell
     */
    @Schema(description = "Место: номер пункта, строка (строка TXT/PDF, абзац или строка таблицы DOCX), столбец")
    public record Location(@Schema(example = "1.12", nullable = true) String item,
            @Schema(example = "57", nullable = true) Integer line,
            @Schema(example = "Сроки реализации", nullable = true) String column) {

        public static Location none() {
            return new Location(null, null, null);
        }
    }
}
