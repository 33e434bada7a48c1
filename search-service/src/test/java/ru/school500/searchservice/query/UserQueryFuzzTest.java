package ru.school500.searchservice.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the search query parser: any text the search box accepts (up to
 * {@link SearchController#MAX_QUERY_LENGTH} characters) is parsed without an exception, within a bounded time,
 * into queries consistent with each other. Seeds in {@code UserQueryFuzzTestInputs/}; {@code QueryCorpusIT}
 * sends the same inputs through the controller to a real Elasticsearch.
 */
class UserQueryFuzzTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "10s")
    void anySearchBoxTextIsParsedWithoutErrorInBoundedTime(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        if (text.length() > SearchController.MAX_QUERY_LENGTH) {
            text = text.substring(0, SearchController.MAX_QUERY_LENGTH);
        }
        long start = System.nanoTime();

        UserQuery query = UserQuery.parse(text);
        String strict = query.strict();
        String typoTolerant = query.typoTolerant();
        String exclusions = query.exclusions();
        String positive = query.positiveText();
        boolean empty = query.hasNoTerms();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PER_INPUT);
        assertThat(strict.replaceAll("\\s+", "").length()).as("only characters typed, OR/ИЛИ written |")
                .isLessThanOrEqualTo(text.replaceAll("\\s+", "").length());
        assertThat(typoTolerant.split(" ", -1)).hasSameSizeAs(strict.split(" ", -1));
        if (empty) {
            assertThat(positive).isEmpty();
            assertThat(exclusions).isEmpty();
        }
        for (String word : positive.isEmpty() ? new String[0] : positive.split(" ")) {
            assertThat(text).contains(word);
        }
    }
}
