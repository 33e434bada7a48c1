package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lemma filter on Lucene alone, in the platform's order: lowercase → ё folding → lemma → stem. */
class RussianLemmaFilterTest {

    private static final UnaryOperator<TokenStream> CHAIN = stream -> new RussianStemTokenFilterFactory()
            .create(new RussianLemmaTokenFilterFactory()
                    .create(new YoFoldingTokenFilterFactory().create(new LowerCaseFilter(stream))));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "дефицитов, дефицит",
            "дефицит, дефицит",
            "кашля, кашель",
            "любви, любовь",
            "детей, ребенок",
            "прошли, пройти",
            "Партнёрами, партнер",
            "ПАРТНЕРОВ, партнер",
            "ёлки, елка",
            "лицея, лицей",
            "компетенций, компетенция",
            "педагогов, педагог",
            "школами, школа",
    })
    void knownWordsBecomeTheirLemmaUnstemmed(String form, String lemma) {
        assertThat(Tokens.terms(form, CHAIN)).contains(lemma);
    }

    @Test
    void everyLemmaOfAnAmbiguousFormStandsAtTheSamePosition() {
        List<Tokens.Token> tokens = Tokens.tokens("стали школы", CHAIN);
        assertThat(tokens).extracting(Tokens.Token::term).containsExactly("сталь", "стать", "школа");
        assertThat(tokens).extracting(Tokens.Token::start).containsExactly(0, 0, 6);
        assertThat(positions("стали школы")).containsExactly(0, 0, 1);
    }

    @Test
    void unknownWordsFallBackToTheStemmer() {
        assertThat(Tokens.terms("вебинаров вебинар стажировочных стажировочный ФГОС", CHAIN))
                .containsExactly("вебинар", "вебинар", "стажировочн", "стажировочн", "фгос");
    }

    @Test
    void unrelatedWordsKeepApart() {
        String[][] pairs = {{"лицей", "лицо"}, {"музей", "муза"}, {"цель", "целый"}, {"учение", "учёный"},
                {"семья", "семя"}, {"школа", "шкала"}};
        for (String[] pair : pairs) {
            assertThat(Tokens.terms(pair[0], CHAIN)).as("%s vs %s", pair[0], pair[1])
                    .doesNotContainAnyElementsOf(Tokens.terms(pair[1], CHAIN));
        }
    }

    @Test
    void aNameReadingCountsOnlyWhenTheFormIsNothingElse() {
        assertThat(Tokens.terms("лени", CHAIN)).as("лень, not Лёня").containsExactly("лень");
        assertThat(Tokens.terms("сени", CHAIN)).as("сени, сень, not Сеня").containsExactlyInAnyOrder("сени", "сень");
        assertThat(Tokens.terms("Петровичем", CHAIN)).as("only names").containsExactlyInAnyOrder("петрович", "петр");
    }

    @Test
    void latinAndNumbersPassThrough() {
        assertThat(Tokens.terms("online 2025 ШНОР", CHAIN)).containsExactly("online", "2025", "шнор");
    }

    @Test
    void theDictionaryIsLoadedOnceAndSharedAcrossStreams() throws Exception {
        var first = dictionaryOf(new RussianLemmatizer());
        var second = dictionaryOf(new RussianLemmatizer());
        assertThat(first).isSameAs(second);
    }

    private static Object dictionaryOf(RussianLemmatizer lemmatizer) throws Exception {
        var lookupField = RussianLemmatizer.class.getDeclaredField("lookup");
        lookupField.setAccessible(true);
        return ((morfologik.stemming.DictionaryLookup) lookupField.get(lemmatizer)).getDictionary();
    }

    private static List<Integer> positions(String text) {
        org.apache.lucene.analysis.Tokenizer tokenizer = new org.apache.lucene.analysis.standard.StandardTokenizer();
        tokenizer.setReader(new java.io.StringReader(text));
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = CHAIN.apply(tokenizer)) {
            var increment = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                positions.add(position);
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return positions;
    }
}
