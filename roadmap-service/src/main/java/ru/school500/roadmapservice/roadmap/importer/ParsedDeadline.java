package ru.school500.roadmapservice.roadmap.importer;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A deadline cell: the text exactly as written, and what it means as dated periods.
 *
 * @param raw the cell text exactly as extracted (whitespace collapsed, HTML removed)
 * @param kind how the deadline is meant
 * @param frequency how often a {@link Kind#RECURRING} deadline repeats, otherwise {@code null}
 * @param periods the dated windows, sorted by start; empty when nothing could be dated
 */
@Schema(description = "Срок реализации: исходный текст и разобранные периоды")
public record ParsedDeadline(
        @Schema(description = "Текст ячейки без изменений", example = "апрель, июнь, октябрь, декабрь 2022 г.") String raw,
        @Schema(description = "Вид срока") Kind kind,
        @Schema(description = "Периодичность для RECURRING", nullable = true) Frequency frequency,
        @Schema(description = "Периоды, упорядоченные по началу; начало ≤ конец") List<Period> periods) {

    public ParsedDeadline {
        periods = List.copyOf(periods);
    }

    /** How a deadline is meant. */
    @Schema(description = """
            ONCE — один период или дата; SEVERAL — перечень периодов; DEADLINE — «до …»;
            RECURRING — ежемесячно/ежеквартально…; THROUGHOUT_YEAR — в течение (учебного) года;
            PERMANENT — постоянно; AS_NEEDED — по мере необходимости; BY_PLAN — по плану;
            EMPTY — срок не указан; UNPARSED — текст не разобран""")
    public enum Kind {
        ONCE, SEVERAL, DEADLINE, RECURRING, THROUGHOUT_YEAR, PERMANENT, AS_NEEDED, BY_PLAN, EMPTY, UNPARSED
    }

    /** Repetition of a {@link Kind#RECURRING} deadline. */
    public enum Frequency {
        WEEKLY, MONTHLY, QUARTERLY, YEARLY
    }

    /** A closed date window, {@code start ≤ end}. */
    @Schema(description = "Период: начало и конец включительно")
    public record Period(@Schema(example = "2022-04-01") LocalDate start, @Schema(example = "2022-04-30") LocalDate end) {

        public Period {
            if (start.isAfter(end)) {
                throw new IllegalArgumentException("period starts after it ends: " + start + " > " + end);
            }
        }
    }
}
