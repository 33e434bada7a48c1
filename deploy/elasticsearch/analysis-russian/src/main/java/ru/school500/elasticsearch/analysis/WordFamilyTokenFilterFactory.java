package ru.school500.elasticsearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code platform_word_families}: derivation that morphology cannot see («наставник» ↔ «наставничество»,
 * «медиация» ↔ «медиатор»). Setting {@code families}: a list of families, each its words in citation form
 * separated by spaces. Put it behind {@code platform_russian_lemma} and {@code platform_russian_stem} in a
 * search analyzer: each term of a family gets the other members' terms at its position, so a query word
 * matches the whole family (as synonyms of one word), without touching the index.
 */
@NamedComponent(WordFamilyTokenFilterFactory.NAME)
public final class WordFamilyTokenFilterFactory implements TokenFilterFactory {

    public static final String NAME = "platform_word_families";

    private final WordFamilies families;

    @Inject
    public WordFamilyTokenFilterFactory(WordFamilySettings settings) {
        this.families = WordFamilies.of(settings.families());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordFamilyFilter(tokenStream, families);
    }
}
