package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Period;

/**
 * Coverage-guided fuzzing of the deadline parser (Jazzer). In the normal build it replays the committed
 * inputs in {@code DeadlineParserFuzzTestInputs/} and fuzzes for a few seconds; {@code JAZZER_FUZZ=1} with a
 * longer {@code jazzer.max_duration} fuzzes for as long as asked (README «Надёжность и безопасность»).
 */
class DeadlineParserFuzzTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(5);
    private final DeadlineParser parser = new DeadlineParser();

    @FuzzTest(maxDuration = "10s")
    void anyCellTextIsReadWithoutErrorInBoundedTime(FuzzedDataProvider data) {
        Integer year = data.consumeBoolean() ? data.consumeInt(1900, 2200) : null;
        String raw = data.consumeRemainingAsString();

        long start = System.nanoTime();
        ParsedDeadline deadline = parser.parse(raw, year);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(PER_INPUT);
        assertThat(deadline.raw()).isEqualTo(raw);
        assertThat(deadline.kind()).isNotNull();
        List<Period> periods = deadline.periods();
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i - 1).start()).isBeforeOrEqualTo(periods.get(i).start());
        }
        if (deadline.kind() == ParsedDeadline.Kind.UNPARSED || deadline.kind() == ParsedDeadline.Kind.EMPTY) {
            assertThat(periods).isEmpty();
        }
    }
}
