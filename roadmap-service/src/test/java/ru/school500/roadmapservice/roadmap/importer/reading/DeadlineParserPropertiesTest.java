package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Period;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the text, the deadline parser answers: it never throws, keeps the raw text, orders its periods. */
class DeadlineParserPropertiesTest {

    private final DeadlineParser parser = new DeadlineParser();

    @Property(tries = 2000)
    void neverThrowsKeepsRawAndOrdersPeriodsForDeadlineLikeText(@ForAll("deadlineLike") String raw,
            @ForAll @IntRange(min = 1990, max = 2100) int year) {
        check(raw, year);
    }

    @Property(tries = 1000)
    void neverThrowsKeepsRawAndOrdersPeriodsForAnyText(@ForAll String raw) {
        check(raw, 2022);
        check(raw, null);
    }

    private void check(String raw, Integer year) {
        ParsedDeadline deadline = parser.parse(raw, year);

        assertThat(deadline.raw()).isEqualTo(raw);
        assertThat(deadline.kind()).isNotNull();
        List<Period> periods = deadline.periods();
        for (int i = 0; i < periods.size(); i++) {
            assertThat(periods.get(i).start()).isBeforeOrEqualTo(periods.get(i).end());
            if (i > 0) {
                assertThat(periods.get(i - 1).start()).isBeforeOrEqualTo(periods.get(i).start());
            }
        }
        if (deadline.kind() == ParsedDeadline.Kind.UNPARSED || deadline.kind() == ParsedDeadline.Kind.EMPTY) {
            assertThat(periods).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> deadlineLike() {
        Arbitrary<String> token = Arbitraries.of("январь", "февраля", "март", "мая", "июнь", "сентябрь", "декабрь",
                "ноябрь", "2021", "2022 г.", "2023 года", "г.", "-", "–", ",", "и", "до", "с", "по", "не позднее",
                "II", "IV", "1", "31", "кв.", "квартал", "полугодие", "18.02.2022", "31.02.2022", "01.13.2022", "в",
                "течение", "года", "ежемесячно", "постоянно", "по мере необходимости", "плану", "на 2022 год",
                "2021/2022 учебный год", "(далее – ЕРМС)", "конца", "???", "0", "99");
        return Combinators.combine(token.list().ofMinSize(0).ofMaxSize(8), Arbitraries.of(" ", "  ", ""))
                .as((tokens, separator) -> String.join(separator, tokens));
    }
}
