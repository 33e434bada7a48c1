package ru.school500.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * {@code platform_russian_stem}: Lucene's Snowball Russian stemmer, the same algorithm as analysis-common's
 * {@code russian_stem} / {@code stemmer} with {@code language: russian}, under a name of our own so that
 * the plugin installs beside analysis-common on the deployed images. Terms marked as keywords are left
 * alone. Stemming is not a normalization, so {@link #normalize} stays the identity.
 */
@NamedComponent(RussianStemTokenFilterFactory.NAME)
public final class RussianStemTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "platform_russian_stem";

    public RussianStemTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, new RussianStemmer());
    }
}
