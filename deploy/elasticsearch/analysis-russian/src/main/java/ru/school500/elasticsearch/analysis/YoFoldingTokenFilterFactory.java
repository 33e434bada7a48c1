package ru.school500.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code platform_yo_folding}: ё → е and Ё → Е inside each term (see {@link YoFoldingFilter}). A
 * character-level normalization, so it also applies to normalizers and multi-term queries (prefix,
 * wildcard, fuzzy) through {@link #normalize}.
 */
@NamedComponent(YoFoldingTokenFilterFactory.NAME)
public final class YoFoldingTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "platform_yo_folding";

    public YoFoldingTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new YoFoldingFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new YoFoldingFilter(tokenStream);
    }
}
