package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Kind;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline;

/** ParsedDeadline texts of real roadmaps and their usual variants; the roadmap's year is 2022 unless the text names one. */
class DeadlineParserTest {

    private final DeadlineParser parser = new DeadlineParser();

    @ParameterizedTest(name = "«{0}» → {1} {2}…{3}, {4} period(s)")
    @CsvSource(delimiter = '|', textBlock = """
            январь                                   | ONCE            | 2022-01-01 | 2022-01-31 | 1
            январь-март                              | ONCE            | 2022-01-01 | 2022-03-31 | 1
            январь – декабрь 2022 г.                 | ONCE            | 2022-01-01 | 2022-12-31 | 1
            18.02.2022                               | ONCE            | 2022-02-18 | 2022-02-18 | 1
            до 23.12.2021                            | DEADLINE        | 2021-12-23 | 2021-12-23 | 1
            не позднее 1 марта 2022 года             | DEADLINE        | 2022-03-01 | 2022-03-01 | 1
            с 01.02.2022 по 30.04.2022               | ONCE            | 2022-02-01 | 2022-04-30 | 1
            апрель, июнь, октябрь, декабрь 2022 г.   | SEVERAL         | 2022-04-01 | 2022-12-31 | 4
            октябрь 2021 г. – июнь 2022 г.           | ONCE            | 2021-10-01 | 2022-06-30 | 1
            ноябрь – январь                          | ONCE            | 2022-11-01 | 2023-01-31 | 1
            II квартал                               | ONCE            | 2022-04-01 | 2022-06-30 | 1
            1 кв. 2023 г.                            | ONCE            | 2023-01-01 | 2023-03-31 | 1
            I–II квартал                             | ONCE            | 2022-01-01 | 2022-06-30 | 1
            2 полугодие                              | ONCE            | 2022-07-01 | 2022-12-31 | 1
            в течение года                           | THROUGHOUT_YEAR | 2022-01-01 | 2022-12-31 | 1
            в течение 2023 года                      | THROUGHOUT_YEAR | 2023-01-01 | 2023-12-31 | 1
            2021/2022 учебный год                    | THROUGHOUT_YEAR | 2021-09-01 | 2022-08-31 | 1
            ежемесячно                               | RECURRING       | 2022-01-01 | 2022-12-31 | 12
            ежеквартально                            | RECURRING       | 2022-01-01 | 2022-12-31 | 4
            постоянно                                | PERMANENT       | 2022-01-01 | 2022-12-31 | 1
            по мере необходимости                    | AS_NEEDED       | 2022-01-01 | 2022-12-31 | 1
            до 01.04                                 | DEADLINE        | 2022-04-01 | 2022-04-01 | 1
            до 20.03 2023 г.                         | DEADLINE        | 2023-03-20 | 2023-03-20 | 1
            01.09 – 30.11                            | ONCE            | 2022-09-01 | 2022-11-30 | 1
            октябрь-ноябрь                           | ONCE            | 2022-10-01 | 2022-11-30 | 1
            до конца года                            | DEADLINE        | 2022-12-31 | 2022-12-31 | 1
            """)
    void readsDeadlinesIntoOrderedPeriods(String raw, Kind kind, LocalDate start, LocalDate end, int count) {
        ParsedDeadline deadline = parser.parse(raw, 2022);

        assertThat(deadline.raw()).isEqualTo(raw);
        assertThat(deadline.kind()).isEqualTo(kind);
        assertThat(deadline.periods()).hasSize(count);
        assertThat(deadline.periods().getFirst().start()).isEqualTo(start);
        assertThat(deadline.periods().getLast().end()).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            по плану работы ЕРМС на 2023 год
            в соответствии с планом мероприятий
            по графику ИРОСТ
            план курсовых мероприятий на 2022 год
            """)
    void deadlineByPlanNamesNoDatesOfItsOwnAndGetsNoPeriod(String raw) {
        ParsedDeadline deadline = parser.parse(raw, 2022);

        assertThat(deadline.kind()).isEqualTo(Kind.BY_PLAN);
        assertThat(deadline.periods()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            после получения финансирования
            31.02.2022
            V квартал
            март – январь 2022 г. – 2021 г.
            """)
    void keepsWhatItCannotReadAsUnparsedText(String raw) {
        ParsedDeadline deadline = parser.parse(raw, 2022);

        assertThat(deadline.kind()).isEqualTo(Kind.UNPARSED);
        assertThat(deadline.raw()).isEqualTo(raw);
        assertThat(deadline.periods()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            март
            II квартал
            до 01.04
            """)
    void monthWithoutAnyYearIsNotGuessed(String raw) {
        assertThat(parser.parse(raw, null).kind()).isEqualTo(Kind.UNPARSED);
    }
}
