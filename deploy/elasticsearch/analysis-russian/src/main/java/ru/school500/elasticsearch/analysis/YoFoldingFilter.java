package ru.school500.elasticsearch.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Russian letter ё into е (and Ё into Е) inside each term, so that «партнёр» and «партнер»
 * index and match alike. Also folds the decomposed spelling (е or Е followed by U+0308 COMBINING
 * DIAERESIS, as some PDF and Word texts carry it). Offsets, positions and all other attributes are kept.
 */
public final class YoFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public YoFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        int folded = YoFolding.fold(term.buffer(), length);
        if (folded != length) {
            term.setLength(folded);
        }
        return true;
    }
}
