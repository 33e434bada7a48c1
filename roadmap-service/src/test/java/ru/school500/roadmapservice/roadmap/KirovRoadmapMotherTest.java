package ru.school500.roadmapservice.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The test data itself must have the shape of the order, or the integration tests prove nothing. */
class KirovRoadmapMotherTest {

    private final RoadmapDraft kirov = KirovRoadmapMother.draft();

    @Test
    void hasTheShapeOfTheOrderAnnex() {
        assertThat(kirov.columnHeadings()).containsExactly("№ п/п", "Задачи", "Сроки реализации", "Исполнители",
                "Показатель реализации", "Информационное сопровождение");
        assertThat(kirov.sections()).extracting(SectionDraft::number).containsExactly("1.", "2.", "3.", "4.", "5.");
        assertThat(kirov.sections()).extracting(s -> s.items().size()).containsExactly(11, 10, 3, 3, 4);
        assertThat(kirov.sections().stream().flatMap(s -> s.items().stream()))
                .allSatisfy(item -> {
                    assertThat(item.links()).isNotEmpty();
                    assertThat(item.executors()).isNotEmpty();
                    assertThat(item.deadline().kind()).isNotEqualTo(DeadlineKind.UNPARSED);
                });
    }

    @Test
    void joinsRowsContinuedAfterAPageBreakAndUndoesHyphenation() {
        ItemDraft first = kirov.sections().getFirst().items().getFirst();
        assertThat(first.task()).endsWith("включая: назначение регионального оператора и регионального координатора; "
                + "утверждение списка образовательных организаций – участников проекта 500+; утверждение состава "
                + "муниципальных координаторов");
        assertThat(first.executorsText()).endsWith("(далее – КОГОАУ ДПО «Институт развития образования Кировской области»)");
        assertThat(first.executors()).containsExactly(KirovRoadmapMother.MINISTRY, KirovRoadmapMother.IRO);
        assertThat(first.deadline()).isEqualTo(new Deadline("до 23.12.2021", DeadlineKind.ONCE,
                List.of(new Period(null, LocalDate.of(2021, 12, 23)))));
    }

    @Test
    void readsRecurringDeadlinesAndLinks() {
        ItemDraft roundTables = kirov.sections().get(2).items().get(1);
        assertThat(roundTables.number()).isEqualTo("3.2");
        assertThat(roundTables.deadline().kind()).isEqualTo(DeadlineKind.RECURRING);
        assertThat(roundTables.deadline().periods()).hasSize(4);
        assertThat(roundTables.executors()).containsExactly(KirovRoadmapMother.CNPPM, KirovRoadmapMother.OMSU,
                KirovRoadmapMother.PARTICIPANTS);
        assertThat(roundTables.links()).containsExactly("https://kirovipk.ru/activities/projects/500-2/");
    }
}
