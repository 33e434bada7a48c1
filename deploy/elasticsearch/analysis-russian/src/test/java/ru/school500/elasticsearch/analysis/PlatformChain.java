package ru.school500.elasticsearch.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;

import tools.jackson.databind.JsonNode;

/**
 * An analyzer of index settings rebuilt from Lucene and this plugin's classes alone, the way any Elasticsearch
 * 8.19 node with this plugin runs it. Only what behaves the same on every distribution is accepted: the
 * {@code standard} tokenizer, {@code lowercase} and {@code stop} (Elasticsearch's core, the same Lucene filters
 * with or without analysis-common) and the {@code platform_*} filters; anything else (hunspell, which reads
 * dictionary files from the node's config; analysis-common's filters, missing locally) is refused.
 */
final class PlatformChain {

    private PlatformChain() {
    }

    static UnaryOperator<TokenStream> of(JsonNode analysis, String analyzer) {
        JsonNode definition = analysis.path("analyzer").path(analyzer);
        require(definition.path("type").asString().equals("custom"), analyzer + " is a custom analyzer");
        require(definition.path("tokenizer").asString().equals("standard"), analyzer + " uses the standard tokenizer");
        require(definition.path("char_filter").isMissingNode(), analyzer + " has no char filters");
        List<UnaryOperator<TokenStream>> filters = new ArrayList<>();
        for (JsonNode name : definition.path("filter")) {
            filters.add(filter(analysis.path("filter"), name.asString()));
        }
        return stream -> {
            TokenStream result = stream;
            for (UnaryOperator<TokenStream> filter : filters) {
                result = filter.apply(result);
            }
            return result;
        };
    }

    private static UnaryOperator<TokenStream> filter(JsonNode declared, String name) {
        if (name.equals("lowercase")) {
            return LowerCaseFilter::new;
        }
        JsonNode filter = declared.path(name);
        String type = filter.path("type").asString(name);
        switch (type) {
            case "stop" -> {
                List<String> words = new ArrayList<>();
                filter.path("stopwords").forEach(word -> words.add(word.asString()));
                require(!words.isEmpty() && filter.path("ignore_case").isMissingNode(), name + ": an explicit stop list");
                CharArraySet set = new CharArraySet(words, false);
                return stream -> new StopFilter(stream, set);
            }
            case RussianLemmaTokenFilterFactory.NAME -> {
                return new RussianLemmaTokenFilterFactory()::create;
            }
            case RussianStemTokenFilterFactory.NAME -> {
                return new RussianStemTokenFilterFactory()::create;
            }
            case YoFoldingTokenFilterFactory.NAME -> {
                return new YoFoldingTokenFilterFactory()::create;
            }
            case WordFamilyTokenFilterFactory.NAME -> {
                List<String> families = new ArrayList<>();
                filter.path("families").forEach(family -> families.add(family.asString()));
                return new WordFamilyTokenFilterFactory(() -> families)::create;
            }
            default -> throw new AssertionError("filter " + name + " (" + type + ") may give other tokens on the "
                    + "deployed Elasticsearch: use only lowercase, stop and the platform_* filters");
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected: " + what);
        }
    }
}
