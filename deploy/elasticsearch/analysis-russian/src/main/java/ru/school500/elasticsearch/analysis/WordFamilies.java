package ru.school500.elasticsearch.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Word families as the terms the platform's chain makes of them: each member is reduced the way
 * {@code platform_russian_lemma} + {@code platform_russian_stem} reduce a word (its lemma if the dictionary
 * knows it, else its Snowball stem), so «наставничество» and the term of «наставникам» meet. Immutable.
 */
final class WordFamilies {

    private final Map<String, List<String>> relatives;

    private WordFamilies(Map<String, List<String>> relatives) {
        this.relatives = relatives;
    }

    static WordFamilies of(List<String> families) {
        RussianLemmatizer lemmatizer = new RussianLemmatizer();
        RussianStemmer stemmer = new RussianStemmer();
        Map<String, Set<String>> byTerm = new HashMap<>();
        for (String family : families) {
            Set<String> terms = new LinkedHashSet<>();
            for (String member : family.strip().split("\\s+")) {
                if (!member.isEmpty()) {
                    terms.addAll(termsOf(member, lemmatizer, stemmer));
                }
            }
            if (terms.size() < 2) {
                continue;
            }
            for (String term : terms) {
                Set<String> others = byTerm.computeIfAbsent(term, t -> new LinkedHashSet<>());
                for (String other : terms) {
                    if (!other.equals(term)) {
                        others.add(other);
                    }
                }
            }
        }
        Map<String, List<String>> relatives = new HashMap<>();
        byTerm.forEach((term, others) -> relatives.put(term, List.copyOf(others)));
        return new WordFamilies(Map.copyOf(relatives));
    }

    /** The other members' terms; empty if the term is in no family. */
    List<String> relativesOf(String term) {
        return relatives.getOrDefault(term, List.of());
    }

    /** A citation form stands for itself; any other member word for all its lemmas (or its stem). */
    private static List<String> termsOf(String member, RussianLemmatizer lemmatizer, RussianStemmer stemmer) {
        String word = YoFolding.fold(member.toLowerCase(Locale.ROOT));
        List<String> lemmas = lemmatizer.lemmas(word);
        if (lemmas.contains(word)) {
            return List.of(word);
        }
        if (!lemmas.isEmpty()) {
            return lemmas;
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        List<String> stem = new ArrayList<>(1);
        stem.add(stemmer.getCurrent());
        return stem;
    }
}
