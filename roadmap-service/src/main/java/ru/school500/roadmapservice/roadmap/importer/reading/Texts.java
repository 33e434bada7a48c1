package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cleaning of extracted cell and paragraph text: stray HTML and markup removed, whitespace collapsed. */
public final class Texts {

    private static final Pattern BREAK_TAGS = Pattern.compile("(?i)<\\s*(?:br|/p|p|/div|div|/li|li)(?:\\s[^>]*)?/?>");
    private static final Pattern OTHER_TAGS = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0\u202f\u2007\u2009\ufeff]+");

    private Texts() {
    }

    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String cleaned = BREAK_TAGS.matcher(text).replaceAll(" ");
        cleaned = OTHER_TAGS.matcher(cleaned).replaceAll(" ");
        cleaned = cleaned.replace("&nbsp;", " ").replace("&laquo;", "«").replace("&raquo;", "»")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replace("\u00ad", "").replace("\u200b", "").replace("**", "").replace("\ufb00", "ff").replace("\ufb01", "fi")
                .replace("\ufb02", "fl").replace("\ufb03", "ffi").replace("\ufb04", "ffl");
        return SPACES.matcher(cleaned).replaceAll(" ").trim();
    }

    /** Lower case, ё as е, one kind of dash: for comparing headings and names, not for display. */
    public static String fold(String text) {
        return DeadlineParser.normalize(text == null ? "" : text);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
