package ru.school500.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code platform_russian_lemma}: Russian lemmas from LanguageTool's morfologik dictionary (see
 * {@link RussianLemmaFilter}). Put {@code platform_russian_stem} right behind it for the words the dictionary
 * does not know. The dictionary is loaded once per node, on the first use. A lemmatizer is not a
 * normalization, so {@link #normalize} stays the identity.
 */
@NamedComponent(RussianLemmaTokenFilterFactory.NAME)
public final class RussianLemmaTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "platform_russian_lemma";

    public RussianLemmaTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new RussianLemmaFilter(tokenStream);
    }
}
