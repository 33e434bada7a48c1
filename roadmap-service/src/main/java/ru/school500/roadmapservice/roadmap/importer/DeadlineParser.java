package ru.school500.roadmapservice.roadmap.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Frequency;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Kind;
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline.Period;

/**
 * Reads the free-text deadline of a roadmap item ("январь-март", "до 23.12.2021", "апрель, июнь, октябрь,
 * декабрь 2022 г.", "II квартал", "в течение года", "по плану работы … на 2022 год", "2021/2022 учебный год")
 * into dated periods. Pure and total: it never throws, always keeps the raw text, and answers
 * {@link Kind#UNPARSED} with no periods for anything it does not fully understand, rather than guessing.
 * A missing year is taken from the following explicit year in the same text ("апрель, июнь 2022 г."), then
 * from a preceding one, then from the roadmap's year given by the caller ("до 01.04" in a 2023 order is
 * 2023-04-01). A deadline "по плану …" names no dates of its own and gets no period.
 */
public final class DeadlineParser {

    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");
    private static final Pattern ACADEMIC_YEAR = Pattern.compile(
            "((?:19|20)\\d{2})\\s*[/-]\\s*((?:19|20)?\\d{2})\\s*(?:г\\.?\\s*)?(?:учебн|уч\\.|уч(?!\\p{L}))");
    private static final Pattern PERMANENT = Pattern.compile("постоянно|на постоянной основе|бессрочно");
    private static final Pattern AS_NEEDED = Pattern.compile(
            "по мере (?:необходимости|поступления|потребности)|по необходимости|по запросу|при необходимости");
    private static final Pattern PLAN = Pattern.compile("(?<!\\p{L})(?:план|график)");
    private static final Pattern THROUGHOUT = Pattern.compile("в течение(?!\\p{L})");
    private static final Pattern WHOLE_YEAR = Pattern.compile(
            "^в течение (?:всего |текущего |календарного |учебного )?(?:((?:19|20)\\d{2}) )?(?:г\\.? |года?|периода|срока)");
    private static final Pattern YEAR_END = Pattern.compile("^до конца (?:((?:19|20)\\d{2}) )?(?:г\\.? )?года?\\.?$");
    private static final Pattern ANY_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})\\.?");
    /** "01.04": day and month, the year from the text or the roadmap. */
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{2})\\.(\\d{2})\\.?");
    private static final Pattern YEAR_WORD = Pattern.compile("((?:19|20)\\d{2})(?:г\\.?|гг\\.?)?");
    private static final Pattern SMALL_NUMBER = Pattern.compile("(\\d{1,2})(?:-?(?:й|е|ый|ое|ий|го))?");

    private static final String[][] MONTHS = {
            {"январ", "янв"}, {"феврал", "фев", "февр"}, {"март", "мар"}, {"апрел", "апр"}, {"ма", "ма"},
            {"июн", "июн"}, {"июл", "июл"}, {"август", "авг"}, {"сентябр", "сен", "сент"}, {"октябр", "окт"},
            {"ноябр", "ноя", "нояб"}, {"декабр", "дек"}};

    /**
     * @param raw the deadline cell as extracted; {@code null} is read as empty
     * @param contextYear the roadmap's year, used when the text names no year; may be {@code null}
     */
    public ParsedDeadline parse(String raw, Integer contextYear) {
        String original = raw == null ? "" : raw;
        try {
            return read(original, contextYear);
        } catch (RuntimeException unexpected) {
            return unparsed(original);
        }
    }

    private ParsedDeadline read(String raw, Integer contextYear) {
        String text = normalize(raw);
        if (text.isEmpty()) {
            return new ParsedDeadline(raw, Kind.EMPTY, null, List.of());
        }
        Integer textYear = firstYear(text);
        Integer year = textYear != null ? textYear : contextYear;

        Matcher academic = ACADEMIC_YEAR.matcher(text);
        if (academic.find()) {
            int from = Integer.parseInt(academic.group(1));
            int to = academicEnd(from, academic.group(2));
            if (to == from + 1) {
                return new ParsedDeadline(raw, Kind.THROUGHOUT_YEAR, null,
                        List.of(new Period(LocalDate.of(from, 9, 1), LocalDate.of(to, 8, 31))));
            }
            return unparsed(raw);
        }
        if (PERMANENT.matcher(text).find()) {
            return new ParsedDeadline(raw, Kind.PERMANENT, null, wholeYear(year));
        }
        if (AS_NEEDED.matcher(text).find()) {
            return new ParsedDeadline(raw, Kind.AS_NEEDED, null, wholeYear(year));
        }
        if (text.contains("ежемесячно")) {
            return new ParsedDeadline(raw, Kind.RECURRING, Frequency.MONTHLY, everyMonths(year, 1));
        }
        if (text.contains("ежеквартально")) {
            return new ParsedDeadline(raw, Kind.RECURRING, Frequency.QUARTERLY, everyMonths(year, 3));
        }
        if (text.contains("еженедельно")) {
            return new ParsedDeadline(raw, Kind.RECURRING, Frequency.WEEKLY, wholeYear(year));
        }
        if (text.contains("ежегодно")) {
            return new ParsedDeadline(raw, Kind.RECURRING, Frequency.YEARLY, wholeYear(year));
        }
        Matcher wholeYear = WHOLE_YEAR.matcher(text);
        if (wholeYear.find() && wholeYear.end() >= text.length() - 2) {
            Integer named = wholeYear.group(1) == null ? year : Integer.valueOf(wholeYear.group(1));
            return new ParsedDeadline(raw, Kind.THROUGHOUT_YEAR, null, wholeYear(named));
        }
        if (PLAN.matcher(text).find() && !THROUGHOUT.matcher(text).find()) {
            // the dates are in the plan, not here: no period, so the item is never counted as overdue
            return new ParsedDeadline(raw, Kind.BY_PLAN, null, List.of());
        }
        Matcher yearEnd = YEAR_END.matcher(text);
        if (yearEnd.find()) {
            Integer named = yearEnd.group(1) == null ? year : Integer.valueOf(yearEnd.group(1));
            if (named == null) {
                return unparsed(raw);
            }
            LocalDate last = LocalDate.of(named, 12, 31);
            return new ParsedDeadline(raw, Kind.DEADLINE, null, List.of(new Period(last, last)));
        }
        return readPeriods(raw, text, contextYear);
    }

    private static int academicEnd(int from, String to) {
        int value = Integer.parseInt(to);
        return to.length() == 2 ? (from / 100) * 100 + value : value;
    }

    // --- the general grammar: points (date, month, quarter, half-year, year), ranges and lists ------------

    private enum Unit { DAY, MONTH, QUARTER, HALF, YEAR }

    /** An unresolved point in time: {@code value} is the day-of-year part (month, quarter…), year may be missing. */
    private static final class Point {
        final Unit unit;
        final int value;
        final int day;
        Integer year;
        boolean explicitYear;

        Point(Unit unit, int value, int day, Integer year) {
            this.unit = unit;
            this.value = value;
            this.day = day;
            this.year = year;
            this.explicitYear = year != null;
        }

        LocalDate start() {
            return switch (unit) {
                case DAY -> LocalDate.of(year, value, day);
                case MONTH -> LocalDate.of(year, value, 1);
                case QUARTER -> LocalDate.of(year, value * 3 - 2, 1);
                case HALF -> LocalDate.of(year, value * 6 - 5, 1);
                case YEAR -> LocalDate.of(year, 1, 1);
            };
        }

        LocalDate end() {
            return switch (unit) {
                case DAY -> LocalDate.of(year, value, day);
                case MONTH -> YearMonth.of(year, value).atEndOfMonth();
                case QUARTER -> YearMonth.of(year, value * 3).atEndOfMonth();
                case HALF -> YearMonth.of(year, value * 6).atEndOfMonth();
                case YEAR -> LocalDate.of(year, 12, 31);
            };
        }
    }

    private ParsedDeadline readPeriods(String raw, String text, Integer contextYear) {
        String cleaned = PARENTHESES.matcher(text).replaceAll(" ")
                .replaceAll("\\s*-\\s*", " - ").replaceAll("([,;/])", " $1 ").trim();
        String[] words = cleaned.split("\\s+");
        List<Point> points = new ArrayList<>();
        List<Integer> rangeStarts = new ArrayList<>();
        boolean deadline = false;
        boolean pendingRange = false;
        boolean lastWasPoint = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            Matcher date = DATE.matcher(word);
            if (date.matches()) {
                int y = Integer.parseInt(date.group(3));
                points.add(new Point(Unit.DAY, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1)),
                        date.group(3).length() == 2 ? 2000 + y : y));
                pendingRange = closeRange(points, rangeStarts, pendingRange);
                lastWasPoint = false;
                continue;
            }
            Matcher dayMonth = DAY_MONTH.matcher(word);
            if (dayMonth.matches()) {
                points.add(new Point(Unit.DAY, Integer.parseInt(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)),
                        null));
                pendingRange = closeRange(points, rangeStarts, pendingRange);
                lastWasPoint = true;
                continue;
            }
            Matcher year = YEAR_WORD.matcher(word);
            if (year.matches()) {
                int y = Integer.parseInt(year.group(1));
                Point last = points.isEmpty() ? null : points.getLast();
                if (lastWasPoint && last != null && !last.explicitYear) {
                    last.year = y;
                    last.explicitYear = true;
                } else {
                    points.add(new Point(Unit.YEAR, 0, 0, y));
                    pendingRange = closeRange(points, rangeStarts, pendingRange);
                }
                lastWasPoint = false;
                continue;
            }
            int month = month(word);
            if (month > 0) {
                points.add(new Point(Unit.MONTH, month, 0, null));
                pendingRange = closeRange(points, rangeStarts, pendingRange);
                lastWasPoint = true;
                continue;
            }
            int number = number(word);
            if (number > 0) {
                String next = i + 1 < words.length ? words[i + 1] : "";
                int nextMonth = month(next);
                Unit unit = unit(next);
                if (nextMonth > 0) {
                    points.add(new Point(Unit.DAY, nextMonth, number, null));
                    i++;
                } else if (unit != null) {
                    points.add(new Point(unit, checked(unit, number), 0, null));
                    i++;
                } else if ("-".equals(next) && i + 3 < words.length && number(words[i + 2]) > 0
                        && unit(words[i + 3]) != null) {
                    Unit shared = unit(words[i + 3]);
                    points.add(new Point(shared, checked(shared, number), 0, null));
                    rangeStarts.add(points.size() - 1);
                    points.add(new Point(shared, checked(shared, number(words[i + 2])), 0, null));
                    i += 3;
                } else if (month(next) == 0 && next.equals("-") && i + 2 < words.length
                        && month(words[i + 2]) == 0 && number(words[i + 2]) > 0 && i + 3 < words.length
                        && month(words[i + 3]) > 0) {
                    // "1-10 марта": a range of days in one month
                    int m = month(words[i + 3]);
                    points.add(new Point(Unit.DAY, m, number, null));
                    rangeStarts.add(points.size() - 1);
                    points.add(new Point(Unit.DAY, m, number(words[i + 2]), null));
                    i += 3;
                } else {
                    return unparsed(raw);
                }
                pendingRange = closeRange(points, rangeStarts, pendingRange);
                lastWasPoint = true;
                continue;
            }
            switch (word) {
                case "-", "по" -> {
                    if (points.isEmpty() || pendingRange || rangeStarts.contains(points.size() - 2)) {
                        return unparsed(raw);
                    }
                    pendingRange = true;
                }
                case "до", "не", "позднее", "позже", "к" -> deadline = true;
                case ",", ";", "и", "/", "с", "со", "в", "во", "г", "г.", "гг", "гг.", "год", "года", "году", "годы",
                        "годов", "течение", "включительно", "." -> {
                    // list separators and filler words
                }
                default -> {
                    return unparsed(raw);
                }
            }
            lastWasPoint = false;
        }
        if (pendingRange || points.isEmpty()) {
            return unparsed(raw);
        }
        if (!resolveYears(points, contextYear)) {
            return unparsed(raw);
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point start = points.get(i);
            if (rangeStarts.contains(i)) {
                Point end = points.get(i + 1);
                if (end.end().isBefore(start.start())) {
                    if (!end.explicitYear) {
                        end.year = end.year + 1;
                    } else if (!start.explicitYear) {
                        start.year = start.year - 1;
                    }
                }
                if (end.end().isBefore(start.start())) {
                    return unparsed(raw);
                }
                periods.add(new Period(start.start(), end.end()));
                i++;
            } else {
                periods.add(new Period(start.start(), start.end()));
            }
        }
        periods.sort(Comparator.comparing(Period::start).thenComparing(Period::end));
        Kind kind;
        if (deadline && periods.size() == 1) {
            kind = Kind.DEADLINE;
        } else {
            kind = periods.size() == 1 ? Kind.ONCE : Kind.SEVERAL;
        }
        return new ParsedDeadline(raw, kind, null, periods);
    }

    /** After a point was added: if a dash was pending, the previous point and this one form a range. */
    private static boolean closeRange(List<Point> points, List<Integer> rangeStarts, boolean pendingRange) {
        if (pendingRange && points.size() >= 2) {
            rangeStarts.add(points.size() - 2);
        }
        return false;
    }

    private static boolean resolveYears(List<Point> points, Integer contextYear) {
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point.year != null) {
                continue;
            }
            Integer found = null;
            for (int j = i + 1; j < points.size() && found == null; j++) {
                if (points.get(j).explicitYear) {
                    found = points.get(j).year;
                }
            }
            for (int j = i - 1; j >= 0 && found == null; j--) {
                if (points.get(j).explicitYear) {
                    found = points.get(j).year;
                }
            }
            if (found == null) {
                found = contextYear;
            }
            if (found == null) {
                return false;
            }
            point.year = found;
        }
        for (Point point : points) {
            try {
                point.start();
                point.end();
            } catch (DateTimeException invalid) {
                return false;
            }
        }
        return true;
    }

    private static int checked(Unit unit, int value) {
        int max = switch (unit) {
            case QUARTER -> 4;
            case HALF -> 2;
            default -> Integer.MAX_VALUE;
        };
        if (value > max) {
            throw new IllegalArgumentException("no such " + unit + ": " + value);
        }
        return value;
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

    /** The month (1–12) a Russian month word or abbreviation names, in any case form; 0 if none. */
    static int monthOf(String word) {
        return month(normalize(word));
    }

    private static int month(String word) {
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

    private static List<Period> wholeYear(Integer year) {
        return year == null ? List.of() : List.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    private static List<Period> everyMonths(Integer year, int step) {
        if (year == null) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m += step) {
            periods.add(new Period(LocalDate.of(year, m, 1), YearMonth.of(year, m + step - 1).atEndOfMonth()));
        }
        return periods;
    }

    private static Integer firstYear(String text) {
        Matcher year = ANY_YEAR.matcher(text);
        return year.find() ? Integer.valueOf(year.group(1)) : null;
    }

    private static ParsedDeadline unparsed(String raw) {
        return new ParsedDeadline(raw, Kind.UNPARSED, null, List.of());
    }

    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\u00a0', ' ').replace('\u202f', ' ');
        return DASHES.matcher(lower).replaceAll("-").replaceAll("\\s+", " ").trim();
    }
}
