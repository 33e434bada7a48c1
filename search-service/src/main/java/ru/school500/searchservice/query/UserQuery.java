package ru.school500.searchservice.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed, in the syntax of Elasticsearch's {@code simple_query_string}: words (all required),
 * {@code "phrases"}, {@code -exclusion}, and {@code OR} / {@code ИЛИ} (written {@code |} there). It also
 * derives a typo-tolerant variant in which every plain word of five letters or more becomes a fuzzy term.
 */
final class UserQuery {

    private static final Pattern SEGMENT = Pattern.compile("-?\"[^\"]*\"?|\\S+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int FUZZY_MIN_LENGTH = 5;
    private static final int TWO_EDITS_MIN_LENGTH = 8;

    private final List<String> segments;

    private UserQuery(List<String> segments) {
        this.segments = segments;
    }

    static UserQuery parse(String text) {
        List<String> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text == null ? "" : text.strip());
        while (matcher.find()) {
            String segment = matcher.group();
            String upper = segment.toUpperCase(Locale.ROOT);
            segments.add(upper.equals("OR") || upper.equals("ИЛИ") ? "|" : segment);
        }
        return new UserQuery(segments);
    }

    /** Nothing left to search for once operators and punctuation are set aside. */
    boolean hasNoTerms() {
        return segments.stream().noneMatch(segment -> WORD.matcher(segment).find());
    }

    /** The query for {@code simple_query_string}. */
    String strict() {
        return String.join(" ", segments);
    }

    /** What the user excluded ({@code -word}, {@code -"phrase"}), as one OR query; empty if nothing. */
    String exclusions() {
        List<String> excluded = new ArrayList<>();
        for (String segment : segments) {
            if (segment.length() > 1 && segment.startsWith("-") && WORD.matcher(segment).find()) {
                excluded.add(segment.substring(1));
            }
        }
        return String.join(" | ", excluded);
    }

    /** The same query with fuzzy plain words, e.g. {@code наставнечество~2 -вебинар}. */
    String typoTolerant() {
        return fuzzy(2);
    }

    /**
     * The typo-tolerant variant with at most one edit per word, for marking the words in the snippets: a word found
     * with one typo is marked; the rarer one found with two is still found, only not marked (two-edit automata run
     * over every token of every snippet's text, the costliest part of a search).
     */
    String typoMarks() {
        return fuzzy(1);
    }

    private String fuzzy(int maxEdits) {
        List<String> fuzzy = new ArrayList<>(segments.size());
        for (String segment : segments) {
            fuzzy.add(isPlainWord(segment) && segment.length() >= FUZZY_MIN_LENGTH
                    ? segment + (segment.length() >= TWO_EDITS_MIN_LENGTH && maxEdits >= 2 ? "~2" : "~1")
                    : segment);
        }
        return String.join(" ", fuzzy);
    }

    /** The plain (not excluded, not operator) words, for boosting titles that contain them in order. */
    String positiveText() {
        List<String> words = new ArrayList<>();
        for (String segment : segments) {
            if (segment.startsWith("-") || segment.equals("|")) {
                continue;
            }
            Matcher word = WORD.matcher(segment);
            while (word.find()) {
                words.add(word.group());
            }
        }
        return String.join(" ", words);
    }

    private static boolean isPlainWord(String segment) {
        return WORD.matcher(segment).matches();
    }
}
