package ru.school500.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.junit.jupiter.api.Test;

class YoFoldingFilterTest {

    private final YoFoldingTokenFilterFactory factory = new YoFoldingTokenFilterFactory();

    @Test
    void foldsSmallAndCapitalYo() {
        assertThat(Tokens.terms("Партнёр ЁЛКА ещё Её", factory::create))
                .containsExactly("Партнер", "ЕЛКА", "еще", "Ее");
    }

    @Test
    void foldsTheDecomposedSpelling() {
        // е + U+0308 COMBINING DIAERESIS, as some extracted PDF text has it
        assertThat(Tokens.terms("партне\u0308р Е\u0308лка", factory::create)).containsExactly("партнер", "Елка");
    }

    @Test
    void leavesOtherTermsAndOffsetsAlone() {
        assertThat(Tokens.tokens("школа партнёр über 2025", factory::create)).containsExactly(
                new Tokens.Token("школа", 0, 5),
                new Tokens.Token("партнер", 6, 13),
                new Tokens.Token("über", 14, 18),
                new Tokens.Token("2025", 19, 23));
    }

    @Test
    void normalizeFoldsToo() {
        assertThat(Tokens.terms("Ёжик", stream -> factory.normalize(new LowerCaseFilter(stream))))
                .containsExactly("ежик");
    }

    @Test
    void worksInFrontOfTheStemmer() {
        RussianStemTokenFilterFactory stem = new RussianStemTokenFilterFactory();
        assertThat(Tokens.terms("партнёрами партнерам", s -> stem.create(factory.create(new LowerCaseFilter(s)))))
                .containsExactly("партнер", "партнер");
    }

    @Test
    void stemmerLeavesKeywordsAlone() {
        RussianStemTokenFilterFactory stem = new RussianStemTokenFilterFactory();
        var keywords = new org.apache.lucene.analysis.CharArraySet(List.of("школами"), false);
        assertThat(Tokens.terms("школами школами", s -> stem.create(new SetKeywordMarkerFilter(s, keywords))))
                .containsExactly("школами", "школами");
    }
}
