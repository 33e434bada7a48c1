package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the parts of a cell that a page break (or a wrapped PDF line) split in two. A hyphen at the break is
 * told apart by the dictionary ({@link RussianWords}): "образова-" + "ния" is one word («образования»), so the
 * hyphen was only the line's; "контрольно-" + "измерительные" is no word but both halves are, so the hyphen is
 * the compound's own; a compound the document itself writes elsewhere ("учителей-предметников") keeps it too.
 * A word cut without a hyphen ("министерств" + "а") is joined when only the joined form is a word. A fragment
 * repeated on both sides of the break by a converter ("…образовательными результатами" + "ными результатами
 * по…") is dropped once; a web address wrapped in a narrow column is joined without a space.
 */
public final class CellJoiner {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern HYPHENATED_END = Pattern.compile("(\\p{L}+)([-\u2010\u00ad])$");
    private static final Pattern LATIN = Pattern.compile("[a-zA-Z]+");
    private static final Pattern LAST_WORD = Pattern.compile("(?<![\\p{L}\\d])(\\p{L}+)$");
    private static final Pattern LOWER_START = Pattern.compile("^(\\p{Ll}\\p{L}*)");
    private static final Pattern URL_END = Pattern.compile("https?://\\S+$");
    private static final Pattern URL_CONTINUATION = Pattern.compile("^[a-z0-9/._~%?#=&+-]");
    private static final int MIN_OVERLAP = 6;
    private static final int MAX_OVERLAP = 200;

    private final Set<String> vocabulary;

    /** Result of a join: the text, and the repeated fragment that was dropped, if any. */
    record Joined(String text, String droppedOverlap) {
    }

    public CellJoiner(Iterable<String> documentTexts) {
        Set<String> words = new HashSet<>();
        for (String text : documentTexts) {
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (word.group().indexOf('-') > 0) {
                    words.add(word.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        this.vocabulary = words;
    }

    Joined join(String before, String after) {
        if (before == null || before.isEmpty()) {
            return new Joined(after == null ? "" : after, null);
        }
        if (after == null || after.isEmpty()) {
            return new Joined(before, null);
        }
        int overlap = overlap(before, after);
        if (overlap > 0) {
            return new Joined(before + after.substring(overlap), after.substring(0, overlap));
        }
        return new Joined(joinLines(before, after, false), null);
    }

    /**
     * Joins two lines of one cell: like {@link #join} without looking for repeated fragments.
     *
     * @param wordAlone the first line held nothing but its last word: a word cut where a narrow column ended
     */
    public String joinLines(String before, String after, boolean wordAlone) {
        if (before == null || before.isEmpty()) {
            return after == null ? "" : after;
        }
        if (after == null || after.isEmpty()) {
            return before;
        }
        if (URL_END.matcher(before).find() && URL_CONTINUATION.matcher(after).find()) {
            return before + after; // a web address wrapped inside a narrow column
        }
        Matcher hyphen = HYPHENATED_END.matcher(before);
        Matcher lower = LOWER_START.matcher(after);
        if (hyphen.find() && lower.find()) {
            String left = hyphen.group(1);
            String right = lower.group(1);
            String cut = before.substring(0, before.length() - 1);
            if (hyphen.group(2).equals("\u00ad")) {
                return cut + after;
            }
            if (vocabulary.contains((left + "-" + right).toLowerCase(Locale.ROOT))) {
                return cut + "-" + after;
            }
            if (RussianWords.isWord(left + right)) {
                return cut + after;
            }
            if (RussianWords.isWord(left) && RussianWords.isWord(right) || LATIN.matcher(left + right).matches()) {
                return cut + "-" + after; // (office suites do not hyphenate Latin words in Russian text)
            }
            return cut + after;
        }
        if (before.endsWith("/") && before.length() > 1 && !Character.isWhitespace(before.charAt(before.length() - 2))) {
            return before + after; // "модель/" + "концепция": the line broke after the slash
        }
        Matcher last = LAST_WORD.matcher(before);
        if (last.find() && lower.find()) {
            String left = last.group(1);
            String right = lower.group(1);
            if ((wordAlone || !RussianWords.isWord(left) || !RussianWords.isWord(right))
                    && RussianWords.isWord(left + right)) {
                return before + after; // a word cut without a hyphen
            }
        }
        return before + " " + after;
    }

    /**
     * Length of the longest start of {@code after} that {@code before} already ends with, where the repeated
     * part starts inside a word of {@code before} and ends at a word boundary of {@code after}: the trace of a
     * converter that wrote the end of a hyphenated word on both pages.
     */
    private static int overlap(String before, String after) {
        int max = Math.min(MAX_OVERLAP, Math.min(before.length() - 1, after.length()));
        for (int length = max; length >= MIN_OVERLAP; length--) {
            if (length < after.length() && Character.isLetterOrDigit(after.charAt(length))) {
                continue;
            }
            if (!Character.isLetter(after.charAt(0)) || !before.endsWith(after.substring(0, length))) {
                continue;
            }
            char previous = before.charAt(before.length() - length - 1);
            if (Character.isLetter(previous) && after.substring(0, length).contains(" ")) {
                return length;
            }
        }
        return 0;
    }
}
