package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Snowball Russian stemmer alone (without hunspell in front, which the integration test adds). */
class RussianStemTokenFilterFactoryTest {

    private static final UnaryOperator<TokenStream> CHAIN = stream -> new RussianStemTokenFilterFactory()
            .create(new YoFoldingTokenFilterFactory().create(new LowerCaseFilter(stream)));

    @ParameterizedTest
    @CsvSource({
            "школы, школами",
            "медиации, медиация",
            "педагогов, педагог",
            "наставников, наставник",
            "компетенций, компетенция",
            "вебинаров, вебинар",
            "тьюторов, тьютор",
            "антирисковых, антирисковая",
            "самодиагностики, самодиагностика",
            "партнёр, партнер",
    })
    void inflectionsShareAStem(String one, String other) {
        List<String> a = Tokens.terms(one, CHAIN);
        List<String> b = Tokens.terms(other, CHAIN);
        assertThat(a).hasSize(1).isEqualTo(b);
    }

    @ParameterizedTest
    @CsvSource({"школа, шкала", "мир, мера"})
    void unrelatedWordsStayApart(String one, String other) {
        assertThat(Tokens.terms(one, CHAIN)).doesNotContainAnyElementsOf(Tokens.terms(other, CHAIN));
    }
}
