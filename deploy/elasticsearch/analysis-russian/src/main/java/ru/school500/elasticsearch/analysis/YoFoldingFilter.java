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

    private static final char YO = '\u0451';
    private static final char CAPITAL_YO = '\u0401';
    private static final char IE = '\u0435';
    private static final char CAPITAL_IE = '\u0415';
    private static final char COMBINING_DIAERESIS = '\u0308';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public YoFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int out = 0;
        for (int in = 0; in < length; in++) {
            char c = buffer[in];
            if (c == YO) {
                c = IE;
            } else if (c == CAPITAL_YO) {
                c = CAPITAL_IE;
            } else if (c == COMBINING_DIAERESIS && out > 0 && (buffer[out - 1] == IE || buffer[out - 1] == CAPITAL_IE)) {
                continue;
            }
            buffer[out++] = c;
        }
        if (out != length) {
            term.setLength(out);
        }
        return true;
    }
}
