package ru.school500.roadmapservice.roadmap.importer.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Russian word forms from LanguageTool's AOT dictionary ({@code org.languagetool:language-ru}, LGPL, used
 * unmodified) read with morfologik: whether a string is a Russian word form, its analyses (lemma and tags such
 * as {@code NN:Inanim:Neut:Sin:R}), and the form of a lemma with given tags. The same dictionary the search's
 * lemma filter uses, so importer and search agree on what a word is. Tags: part of speech ({@code NN},
 * {@code ADJ}, {@code PT} participle…), gender {@code Masc|Fem|Neut}, number {@code Sin|PL}, case {@code Nom},
 * {@code R} genitive, {@code D} dative, {@code V} accusative, {@code T} instrumental, {@code P} prepositional.
 */
public final class RussianWords {

    private static final String BASE = "/org/languagetool/resource/ru/";

    /** One reading of a word form. */
    record Analysis(String lemma, String tag) {

        boolean is(String partOfSpeech) {
            return tag.startsWith(partOfSpeech + ":") || tag.equals(partOfSpeech);
        }

        /** The case tag ({@code Nom}, {@code R}, {@code D}…), or {@code null}. */
        String grammaticalCase() {
            String last = tag.substring(tag.lastIndexOf(':') + 1);
            return switch (last) {
                case "Nom", "R", "D", "V", "T", "P" -> last;
                default -> null;
            };
        }

        /** {@code Sin} or {@code PL} (an adjective's gender implies the singular), or {@code null}. */
        String number() {
            if (tag.contains(":PL")) {
                return "PL";
            }
            if (tag.contains(":Sin") || tag.contains(":Masc") || tag.contains(":Fem") || tag.contains(":Neut")) {
                return "Sin";
            }
            return null;
        }

        /** {@code Masc}, {@code Fem} or {@code Neut}, or {@code null}. */
        String gender() {
            for (String gender : List.of("Masc", "Fem", "Neut")) {
                if (tag.contains(":" + gender)) {
                    return gender;
                }
            }
            return null;
        }
    }

    private static final class Holder {
        static final Dictionary FORMS = load("russian.dict");
        static final Dictionary SYNTHESIS = load("russian_synth.dict");
    }

    private static final ThreadLocal<DictionaryLookup> FORMS =
            ThreadLocal.withInitial(() -> new DictionaryLookup(Holder.FORMS));
    private static final ThreadLocal<DictionaryLookup> SYNTHESIS =
            ThreadLocal.withInitial(() -> new DictionaryLookup(Holder.SYNTHESIS));

    private RussianWords() {
    }

    private static Dictionary load(String name) {
        URL url = RussianWords.class.getResource(BASE + name);
        if (url == null) {
            throw new IllegalStateException("Russian dictionary " + name + " missing from the classpath");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the letters form a Russian word form (any case; ё and е alike). */
    public static boolean isWord(String word) {
        return !word.isEmpty() && !analyse(word).isEmpty();
    }

    static List<Analysis> analyse(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 60 || !lower.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return List.of();
        }
        List<Analysis> analyses = new ArrayList<>();
        for (WordData data : FORMS.get().lookup(lower)) {
            analyses.add(new Analysis(String.valueOf(data.getStem()), String.valueOf(data.getTag())));
        }
        return analyses;
    }

    /** The form of {@code lemma} with exactly {@code tag}, or {@code null} when the dictionary has none. */
    static String form(String lemma, String tag) {
        List<WordData> found = SYNTHESIS.get().lookup(lemma + "|" + tag);
        return found.isEmpty() ? null : String.valueOf(found.getFirst().getStem());
    }
}
