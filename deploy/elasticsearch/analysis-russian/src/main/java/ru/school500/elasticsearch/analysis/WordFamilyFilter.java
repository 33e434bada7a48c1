package ru.school500.elasticsearch.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/** Adds the terms of a term's word family at the same position (see {@link WordFamilies}). */
final class WordFamilyFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final WordFamilies families;
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State original;

    WordFamilyFilter(TokenStream input, WordFamilies families) {
        super(input);
        this.families = families;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(original);
            term.setEmpty().append(pending.poll());
            keyword.setKeyword(true);
            positionIncrement.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        List<String> relatives = families.relativesOf(term.toString());
        if (!relatives.isEmpty()) {
            pending.addAll(relatives);
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }
}
