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

/**
 * Replaces each word the Russian dictionary knows by its lemma, and an ambiguous form by all its lemmas at
 * the same position («стали» → сталь, стать; position increment 0 for the second), with the offsets of the
 * form. Lemmas come out marked as keywords, so a stemmer behind this filter leaves them alone and stems only
 * the words the dictionary does not know (вебинаров, стажировочный, abbreviations), which pass unchanged.
 * Terms already marked as keywords are passed unchanged. Expects lower-case input (the dictionary is
 * lower-case); ё or е in the input are both found, lemmas have ё folded to е.
 */
public final class RussianLemmaFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final RussianLemmatizer lemmatizer = new RussianLemmatizer();
    private final Deque<String> pending = new ArrayDeque<>(2);
    private AttributeSource.State form;

    public RussianLemmaFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(form);
            term.setEmpty().append(pending.poll());
            keyword.setKeyword(true);
            positionIncrement.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        List<String> lemmas = lemmatizer.lemmas(term);
        if (lemmas.isEmpty()) {
            return true;
        }
        term.setEmpty().append(lemmas.get(0));
        keyword.setKeyword(true);
        if (lemmas.size() > 1) {
            pending.addAll(lemmas.subList(1, lemmas.size()));
            form = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        form = null;
    }
}
