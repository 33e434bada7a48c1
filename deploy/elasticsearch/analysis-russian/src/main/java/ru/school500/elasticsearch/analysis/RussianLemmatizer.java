package ru.school500.elasticsearch.analysis;

import java.util.ArrayList;
import java.util.List;

import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * The lemmas of one lower-case word form from {@link RussianDictionary}: every lemma of an ambiguous form
 * («стали» → сталь, стать), with ё folded to е («партнёрами» → партнер); readings as a personal name only when
 * the form is nothing else. The dictionary lists the forms with
 * ё also spelled with е, so folded input is found too. Empty for a word the dictionary does not know (or
 * that is not Cyrillic). Not thread-safe, like the lookup it wraps: one per token stream.
 */
final class RussianLemmatizer {

    /** Longer "words" are not words (glued text, identifiers): no lookup. */
    private static final int MAX_WORD_LENGTH = 40;

    private final DictionaryLookup lookup = RussianDictionary.lookup();

    List<String> lemmas(CharSequence word) {
        if (word.length() < 1 || word.length() > MAX_WORD_LENGTH || !isCyrillicWord(word)) {
            return List.of();
        }
        List<WordData> found = lookup.lookup(word);
        if (found.isEmpty()) {
            return List.of();
        }
        boolean commonWord = found.stream().anyMatch(entry -> !isName(entry));
        List<String> lemmas = new ArrayList<>(2);
        for (WordData entry : found) {
            CharSequence stem = entry.getStem();
            if (stem == null || stem.length() == 0 || (commonWord && isName(entry))) {
                continue;
            }
            String lemma = YoFolding.fold(stem.toString());
            if (!lemmas.contains(lemma)) {
                lemmas.add(lemma);
            }
        }
        return lemmas;
    }

    /**
     * A reading as a first name, patronymic or surname («лени» of Лёня, «петров» of Пётр). Lower-case text no
     * longer shows the capital that marks a name, so when a form is also a common word, only the common word's
     * lemmas are kept; a form that is only a name («иванову») keeps the name's.
     */
    private static boolean isName(WordData entry) {
        CharSequence tag = entry.getTag();
        if (tag == null) {
            return false;
        }
        String tags = tag.toString();
        return tags.startsWith("NN:Name") || tags.startsWith("NN:Patr") || tags.startsWith("NN:Fam");
    }

    /** Cyrillic letters, optionally joined by hyphens (the dictionary holds «кто-то», «из-за»). */
    static boolean isCyrillicWord(CharSequence word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && Character.isLetter(c)) {
                letter = true;
            } else if (c != '-') {
                return false;
            }
        }
        return letter;
    }
}
