package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.reading.DeadlinePoint.Unit;

/**
 * The words of a normalised deadline text as tokens: dates, day-and-month, years, months, small numbers
 * (also ordinal and Roman: "2-й", "II"), units (квартал, полугодие), dashes ("-", "по"), deadline marks
 * ("до", "не позднее", "к"), fillers (separators and words that add nothing) and anything else. Text in
 * parentheses is dropped.
 */
final class DeadlineTokens {

    enum Type { DATE, DAY_MONTH, YEAR, MONTH, NUMBER, UNIT, DASH, MARK, FILLER, UNKNOWN }

    /**
     * @param value the month (DATE, DAY_MONTH, MONTH), the year (YEAR) or the number (NUMBER)
     * @param day the day of a DATE or DAY_MONTH
     * @param year the year of a DATE
     */
    record Token(Type type, String word, int value, int day, Integer year, Unit unit) {

        boolean is(Type other) {
            return type == other;
        }
    }

    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})\\.?");
    /** "01.04": day and month, the year from the text or the roadmap. */
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{2})\\.(\\d{2})\\.?");
    private static final Pattern YEAR_WORD = Pattern.compile("((?:19|20)\\d{2})(?:г\\.?|гг\\.?)?");
    private static final Pattern SMALL_NUMBER = Pattern.compile("(\\d{1,2})(?:-?(?:й|е|ый|ое|ий|го))?");
    private static final Set<String> DASHES = Set.of("-", "по");
    private static final Set<String> MARKS = Set.of("до", "не", "позднее", "позже", "к");
    private static final Set<String> FILLERS = Set.of(",", ";", "и", "/", "с", "со", "в", "во", "г", "г.", "гг", "гг.",
            "год", "года", "году", "годы", "годов", "течение", "включительно", ".");

    private static final String[][] MONTHS = {
            {"январ", "янв"}, {"феврал", "фев", "февр"}, {"март", "мар"}, {"апрел", "апр"}, {"ма", "ма"},
            {"июн", "июн"}, {"июл", "июл"}, {"август", "авг"}, {"сентябр", "сен", "сент"}, {"октябр", "окт"},
            {"ноябр", "ноя", "нояб"}, {"декабр", "дек"}};

    private DeadlineTokens() {
    }

    static List<Token> of(String normalised) {
        String cleaned = PARENTHESES.matcher(normalised).replaceAll(" ")
                .replaceAll("\\s*-\\s*", " - ").replaceAll("([,;/])", " $1 ").trim();
        List<Token> tokens = new ArrayList<>();
        for (String word : cleaned.split("\\s+")) {
            tokens.add(token(word));
        }
        return tokens;
    }

    private static Token token(String word) {
        Matcher date = DATE.matcher(word);
        if (date.matches()) {
            int year = Integer.parseInt(date.group(3));
            return new Token(Type.DATE, word, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1)),
                    date.group(3).length() == 2 ? 2000 + year : year, null);
        }
        Matcher dayMonth = DAY_MONTH.matcher(word);
        if (dayMonth.matches()) {
            return new Token(Type.DAY_MONTH, word, Integer.parseInt(dayMonth.group(2)),
                    Integer.parseInt(dayMonth.group(1)), null, null);
        }
        Matcher year = YEAR_WORD.matcher(word);
        if (year.matches()) {
            return new Token(Type.YEAR, word, Integer.parseInt(year.group(1)), 0, null, null);
        }
        int month = month(word);
        if (month > 0) {
            return new Token(Type.MONTH, word, month, 0, null, null);
        }
        int number = number(word);
        if (number > 0) {
            return new Token(Type.NUMBER, word, number, 0, null, null);
        }
        Unit unit = unit(word);
        if (unit != null) {
            return new Token(Type.UNIT, word, 0, 0, null, unit);
        }
        Type type = DASHES.contains(word) ? Type.DASH : MARKS.contains(word) ? Type.MARK
                : FILLERS.contains(word) ? Type.FILLER : Type.UNKNOWN;
        return new Token(type, word, 0, 0, null, null);
    }

    private static Unit unit(String word) {
        if (word.startsWith("квартал") || word.equals("кв") || word.equals("кв.")) {
            return Unit.QUARTER;
        }
        if (word.startsWith("полугод")) {
            return Unit.HALF;
        }
        return null;
    }

    private static int number(String word) {
        Matcher small = SMALL_NUMBER.matcher(word);
        if (small.matches()) {
            int value = Integer.parseInt(small.group(1));
            return value >= 1 && value <= 31 ? value : 0;
        }
        return switch (word) {
            case "i", "і", "перв", "первый", "первое", "первая", "первом" -> 1;
            case "ii", "іі", "второй", "второе", "вторая", "втором" -> 2;
            case "iii", "ііі", "третий", "третье", "третьем" -> 3;
            case "iv", "іv", "четвертый", "четвертом" -> 4;
            default -> 0;
        };
    }

    /** The month (1–12) a normalised Russian month word or abbreviation names, in any case form; 0 if none. */
    static int month(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        if (w.length() < 3) {
            return 0;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            String stem = MONTHS[m][0];
            if (m == 4) {
                if (w.equals("май") || w.equals("мая") || w.equals("мае") || w.equals("маю")) {
                    return 5;
                }
                continue;
            }
            if (w.startsWith(stem) && w.length() <= stem.length() + 3) {
                return m + 1;
            }
            for (int a = 1; a < MONTHS[m].length; a++) {
                if (w.equals(MONTHS[m][a])) {
                    return m + 1;
                }
            }
        }
        return 0;
    }
}
