package ru.school500.roadmapservice.roadmap.importer;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/**
 * What an annex column holds, recognised from the words of its heading, whatever the region calls it
 * ("Задачи", "Наименование мероприятия", "Описание действий"…) and in whatever order the columns come.
 */
@Schema(description = "Назначение столбца приложения, распознанное по словам заголовка")
public enum ColumnRole {
    NUMBER("^(?:№|n|no|номер)(?:\\s|$|\\.)|п/п|^№"),
    INFORMATION("информацион|сопровожден|ссылк|публикац|освещени"),
    NOTE("примечани|комментари"),
    EXECUTOR("исполнител|ответственн|соисполнител"),
    DEADLINE("срок|дата|период|время исполн|когда"),
    INDICATOR("показател|результат|индикатор|итог|форма (?:отчет|завершени)|продукт"),
    TASK("мероприяти|наименовани|задач|описани|действи|содержани|направлени|работ[аы]?$");

    private final Pattern words;

    ColumnRole(String words) {
        this.words = Pattern.compile(words);
    }

    /**
     * Whether the texts of a row read as the annex's heading: three roles or more among them, the task and
     * one of number, deadline or executor.
     */
    public static boolean readsAsHeading(List<String> texts) {
        java.util.Set<ColumnRole> roles = java.util.EnumSet.noneOf(ColumnRole.class);
        for (String text : texts) {
            if (!text.isEmpty() && text.length() <= 80) {
                ColumnRole role = of(text);
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles.size() >= 3 && roles.contains(TASK)
                && (roles.contains(NUMBER) || roles.contains(DEADLINE) || roles.contains(EXECUTOR));
    }

    /** The role of a heading, or {@code null} when no known heading word occurs in it. */
    public static ColumnRole of(String heading) {
        String folded = Texts.fold(heading);
        if (folded.isEmpty()) {
            return null;
        }
        for (ColumnRole role : List.of(values())) {
            if (role.words.matcher(folded).find()) {
                return role;
            }
        }
        return null;
    }
}
