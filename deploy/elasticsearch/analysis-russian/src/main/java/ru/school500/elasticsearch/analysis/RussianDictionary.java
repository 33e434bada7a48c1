package ru.school500.elasticsearch.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;

/**
 * LanguageTool's Russian morfologik dictionary (AOT data: about 7 million forms → lemma + tags, ~2.3 MB),
 * read from this plugin's jar once per node: the plugin has one class loader per node, and the automaton is
 * immutable, so every filter of every index shares it. A {@link DictionaryLookup} is not thread-safe: each
 * token stream takes its own through {@link #lookup()} (cheap: it only wraps the shared automaton).
 */
final class RussianDictionary {

    static final String DICT = "org/languagetool/resource/ru/russian.dict";
    static final String INFO = "org/languagetool/resource/ru/russian.info";

    private RussianDictionary() {
    }

    static DictionaryLookup lookup() {
        return new DictionaryLookup(Holder.DICTIONARY);
    }

    /** Initialised on first use (the JVM guarantees once), so nodes that never use the filter never load it. */
    private static final class Holder {
        static final Dictionary DICTIONARY = load();
    }

    private static Dictionary load() {
        ClassLoader loader = RussianDictionary.class.getClassLoader();
        try (InputStream fsa = open(loader, DICT); InputStream info = open(loader, INFO)) {
            return Dictionary.read(fsa, info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian dictionary " + DICT, e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the plugin's class path");
        }
        return in;
    }
}
