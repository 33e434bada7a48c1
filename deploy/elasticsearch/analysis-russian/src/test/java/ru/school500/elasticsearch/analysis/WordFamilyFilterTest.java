package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.junit.jupiter.api.Test;

class WordFamilyFilterTest {

    private static final WordFamilyTokenFilterFactory FAMILIES = new WordFamilyTokenFilterFactory(() -> List.of(
            "наставник наставничество наставнический", "медиация медиатор медиативный", "вебинар вебинарный"));
    private static final UnaryOperator<TokenStream> CHAIN = stream -> FAMILIES.create(new RussianStemTokenFilterFactory()
            .create(new RussianLemmaTokenFilterFactory()
                    .create(new YoFoldingTokenFilterFactory().create(new LowerCaseFilter(stream)))));

    @Test
    void anyFormOfAMemberBringsTheWholeFamilyAtItsPosition() {
        assertThat(Tokens.tokens("наставникам школы", CHAIN)).containsExactly(
                new Tokens.Token("наставник", 0, 11),
                new Tokens.Token("наставничество", 0, 11),
                new Tokens.Token("наставнический", 0, 11),
                new Tokens.Token("школа", 12, 17));
        assertThat(Tokens.terms("медиаторов", CHAIN)).containsExactlyInAnyOrder("медиатор", "медиация", "медиативн");
    }

    @Test
    void membersTheDictionaryDoesNotKnowMeetThroughTheirStem() {
        assertThat(Tokens.terms("вебинарах", CHAIN)).contains("вебинар", "вебинарн");
        assertThat(Tokens.terms("вебинарного", CHAIN)).contains("вебинар", "вебинарн");
    }

    @Test
    void wordsOutsideTheFamiliesStayAlone() {
        assertThat(Tokens.terms("школа", CHAIN)).containsExactly("школа");
    }
}
