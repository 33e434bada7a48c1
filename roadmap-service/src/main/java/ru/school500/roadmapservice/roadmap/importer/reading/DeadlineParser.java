package ru.school500.roadmapservice.roadmap.importer.reading;

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
import ru.school500.roadmapservice.roadmap.importer.ParsedDeadline;

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

    private ParsedDeadline readPeriods(String raw, String text, Integer contextYear) {
        DeadlineGrammar.Reading reading = DeadlineGrammar.read(DeadlineTokens.of(text));
        if (reading == null || !resolveYears(reading.points(), contextYear)) {
            return unparsed(raw);
        }
        List<DeadlinePoint> points = reading.points();
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            DeadlinePoint start = points.get(i);
            if (reading.rangeStarts().contains(i)) {
                DeadlinePoint end = points.get(i + 1);
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
        if (reading.deadline() && periods.size() == 1) {
            kind = Kind.DEADLINE;
        } else {
            kind = periods.size() == 1 ? Kind.ONCE : Kind.SEVERAL;
        }
        return new ParsedDeadline(raw, kind, null, periods);
    }

    private static boolean resolveYears(List<DeadlinePoint> points, Integer contextYear) {
        for (int i = 0; i < points.size(); i++) {
            DeadlinePoint point = points.get(i);
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
        for (DeadlinePoint point : points) {
            try {
                point.start();
                point.end();
            } catch (DateTimeException invalid) {
                return false;
            }
        }
        return true;
    }

    /** The month (1–12) a Russian month word or abbreviation names, in any case form; 0 if none. */
    static int monthOf(String word) {
        return DeadlineTokens.month(normalize(word));
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
