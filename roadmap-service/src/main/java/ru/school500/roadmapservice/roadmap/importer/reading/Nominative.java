package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.reading.RussianWords.Analysis;

/**
 * An organisation or place name put into the nominative case with the dictionary's morphology, the way a
 * directory lists it: "Кировского областного … учреждения «Институт…»" becomes "Кировское областное …
 * учреждение «Институт…»", "органам местного самоуправления, осуществляющим управление…" becomes "органы
 * местного самоуправления, осуществляющие управление…", "города Слободского" becomes "город Слободской". The
 * head noun and the adjectives and participles that agree with it change; its dependents in the genitive and
 * anything in quotes stay as written. A name the dictionary cannot analyse with certainty is returned as it is.
 */
final class Nominative {

    private static final Pattern TOKEN = Pattern.compile("«[^»]*»|[\\p{L}-]+|[^\\p{L}«\\s]+");

    private Nominative() {
    }

    private record Token(String text, int start, int end) {

        boolean word() {
            return Character.isLetter(text.charAt(0));
        }
    }

    /** One reading of the head: case, number and gender every converted word agrees with. */
    private record Agreement(String grammaticalCase, String number, String gender) {

        boolean accepts(Analysis analysis) {
            if (!grammaticalCase.equals(analysis.grammaticalCase())) {
                return false;
            }
            if ("PL".equals(number)) {
                return "PL".equals(analysis.number());
            }
            return !"PL".equals(analysis.number()) && (analysis.gender() == null || analysis.gender().equals(gender));
        }
    }

    static String of(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        try {
            String converted = convert(name);
            return converted == null ? name : converted;
        } catch (RuntimeException unexpected) {
            return name;
        }
    }

    private static String convert(String name) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(name);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end()));
        }
        int head = 0;
        while (head + 1 < tokens.size() && tokens.get(head).word() && tokens.get(head + 1).word()
                && isModifier(tokens.get(head).text())) {
            head++; // adjectives and participles before the noun they agree with
        }
        if (head >= tokens.size() || !tokens.get(head).word() || !hasNoun(tokens.get(head).text())) {
            return null;
        }
        List<Integer> before = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            before.add(i);
        }
        List<Integer> after = new ArrayList<>();
        int next = head + 1;
        while (next < tokens.size() && tokens.get(next).word() && isModifier(tokens.get(next).text())
                && !hasNoun(tokens.get(next).text())) {
            after.add(next++);
        }
        if (next < tokens.size() && tokens.get(next).word()) {
            after.clear(); // the adjectives after the head belong to the next noun ("учреждения дополнительного … образования")
        }
        Analysis headReading = null;
        Agreement agreement = null;
        Agreement nominative = null;
        for (Analysis analysis : RussianWords.analyse(tokens.get(head).text())) {
            if (!analysis.is("NN") || analysis.grammaticalCase() == null || isPersonal(analysis)) {
                continue; // a surname reading ("Органов") is not what an organisation's name means
            }
            Agreement candidate = new Agreement(analysis.grammaticalCase(), analysis.number(), analysis.gender());
            if (!agrees(tokens, before, candidate) || !agrees(tokens, after, candidate)) {
                continue;
            }
            if (candidate.grammaticalCase().equals("Nom")) {
                nominative = candidate;
            } else if (headReading == null && !candidate.grammaticalCase().equals("V")) {
                headReading = analysis;
                agreement = candidate;
            }
        }
        // already nominative, unless only as a plural where a singular reading fits as well ("министерства
        // образования" names one ministry): an organisation's name is singular more often than not
        if (nominative != null && (headReading == null || "Sin".equals(nominative.number())
                || !"Sin".equals(agreement.number()))) {
            return name;
        }
        if (headReading == null) {
            return null; // unknown, or only an accusative (for a name, a nominative the dictionary spells alike)
        }
        List<Integer> participle = new ArrayList<>();
        for (int i = head + 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).text().equals(",")) {
                Token candidate = tokens.get(i + 1);
                if (candidate.word() && reading(candidate.text(), agreement, "PT") != null) {
                    participle.add(i + 1);
                }
                break;
            }
        }
        StringBuilder result = new StringBuilder(name);
        List<int[]> replacements = new ArrayList<>();
        List<Integer> changed = new ArrayList<>(before);
        changed.add(head);
        changed.addAll(after);
        changed.addAll(participle);
        for (int index : changed) {
            Token token = tokens.get(index);
            Analysis reading = index == head ? headReading : reading(token.text(), agreement, null);
            if (reading == null) {
                return null;
            }
            String form = RussianWords.form(reading.lemma(), nominativeTag(reading.tag()));
            if (form == null) {
                return null;
            }
            replacements.add(new int[] {token.start(), token.end(), index});
            tokens.set(index, new Token(spelled(form, token.text()), token.start(), token.end()));
        }
        replacements.sort((a, b) -> Integer.compare(b[0], a[0]));
        for (int[] replacement : replacements) {
            result.replace(replacement[0], replacement[1], tokens.get(replacement[2]).text());
        }
        return result.toString();
    }

    private static boolean agrees(List<Token> tokens, List<Integer> indexes, Agreement agreement) {
        for (int index : indexes) {
            if (reading(tokens.get(index).text(), agreement, null) == null) {
                return false;
            }
        }
        return true;
    }

    /** An adjective or participle reading of the word in the agreement's case, number and gender. */
    private static Analysis reading(String word, Agreement agreement, String partOfSpeech) {
        for (Analysis analysis : RussianWords.analyse(word)) {
            boolean modifier = partOfSpeech == null ? analysis.is("ADJ") || analysis.is("PT") : analysis.is(partOfSpeech);
            if (modifier && !analysis.tag().contains("Short") && agreement.accepts(analysis)) {
                return analysis;
            }
        }
        return null;
    }

    private static boolean isPersonal(Analysis analysis) {
        return analysis.tag().contains(":Fam") || analysis.tag().contains(":Name") || analysis.tag().contains(":Patr");
    }

    private static boolean hasNoun(String word) {
        return RussianWords.analyse(word).stream().anyMatch(a -> a.is("NN"));
    }

    private static boolean isModifier(String word) {
        return RussianWords.analyse(word).stream().anyMatch(a -> a.is("ADJ") || a.is("PT"));
    }

    private static String nominativeTag(String tag) {
        return tag.substring(0, tag.lastIndexOf(':') + 1) + "Nom";
    }

    /** The form with the capitalisation of the word it replaces. */
    private static String spelled(String form, String original) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(form.charAt(0)) + form.substring(1);
        }
        return form;
    }
}
