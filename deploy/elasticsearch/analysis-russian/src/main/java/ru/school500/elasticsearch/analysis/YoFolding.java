package ru.school500.elasticsearch.analysis;

/**
 * ё → е and Ё → Е, also in the decomposed spelling (е or Е followed by U+0308 COMBINING DIAERESIS, as some
 * PDF and Word texts carry it).
 */
final class YoFolding {

    private static final char YO = '\u0451';
    private static final char CAPITAL_YO = '\u0401';
    private static final char IE = '\u0435';
    private static final char CAPITAL_IE = '\u0415';
    private static final char COMBINING_DIAERESIS = '\u0308';

    private YoFolding() {
    }

    /** Folds {@code buffer[0, length)} in place; returns the new length (shorter by each dropped diaeresis). */
    static int fold(char[] buffer, int length) {
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
        return out;
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        int length = fold(chars, chars.length);
        return length == chars.length && text.indexOf(YO) < 0 && text.indexOf(CAPITAL_YO) < 0 ? text
                : new String(chars, 0, length);
    }
}
