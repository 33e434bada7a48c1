package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.ArrayList;
import java.util.List;

import ru.school500.roadmapservice.roadmap.importer.reading.DeadlinePoint.Unit;
import ru.school500.roadmapservice.roadmap.importer.reading.DeadlineTokens.Token;
import ru.school500.roadmapservice.roadmap.importer.reading.DeadlineTokens.Type;

/**
 * The small grammar of deadline texts, over {@link DeadlineTokens}:
 * <pre>
 * deadline := (mark | filler | point | range)+
 * point    := DATE | DAY_MONTH [YEAR] | MONTH [YEAR] | NUMBER MONTH [YEAR] | NUMBER UNIT [YEAR] | YEAR
 * range    := point DASH point | NUMBER "-" NUMBER UNIT | NUMBER "-" NUMBER MONTH
 * mark     := "до" | "не" | "позднее" | "позже" | "к"        (the deadline is its last day)
 * </pre>
 * A year written right after a point without one is that point's year. Anything else (an unknown word, a unit
 * without a number, a dash without a point on either side, two dashes in a row) is not understood, and the
 * caller keeps the text unparsed.
 */
final class DeadlineGrammar {

    /** What was read: the points in order, which of them start a range (with the next one), and a "до". */
    record Reading(List<DeadlinePoint> points, List<Integer> rangeStarts, boolean deadline) {
    }

    private final List<Token> tokens;
    private int next;
    private final List<DeadlinePoint> points = new ArrayList<>();
    private final List<Integer> rangeStarts = new ArrayList<>();
    private boolean deadline;
    /** A dash was read and waits for the point that ends its range. */
    private boolean dashPending;
    /** The last point was a month, day or unit without a year, and a year right after it is its own. */
    private boolean yearMayAttach;

    private DeadlineGrammar(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The reading, or {@code null} when the tokens are not a deadline the grammar knows. */
    static Reading read(List<Token> tokens) {
        return new DeadlineGrammar(tokens).read();
    }

    private Reading read() {
        while (next < tokens.size()) {
            Token token = tokens.get(next++);
            boolean understood = switch (token.type()) {
                case DATE -> point(new DeadlinePoint(Unit.DAY, token.value(), token.day(), token.year()), false);
                case DAY_MONTH -> point(new DeadlinePoint(Unit.DAY, token.value(), token.day(), null), true);
                case MONTH -> point(new DeadlinePoint(Unit.MONTH, token.value(), 0, null), true);
                case YEAR -> year(token.value());
                case NUMBER -> number(token.value());
                case DASH -> dash();
                case MARK -> {
                    deadline = true;
                    yearMayAttach = false;
                    yield true;
                }
                case FILLER -> {
                    yearMayAttach = false;
                    yield true;
                }
                case UNIT, UNKNOWN -> false;
            };
            if (!understood) {
                return null;
            }
        }
        return dashPending || points.isEmpty() ? null : new Reading(points, rangeStarts, deadline);
    }

    private boolean point(DeadlinePoint point, boolean takesYear) {
        points.add(point);
        closeRange();
        yearMayAttach = takesYear;
        return true;
    }

    private boolean year(int year) {
        DeadlinePoint last = points.isEmpty() ? null : points.getLast();
        if (yearMayAttach && last != null && !last.explicitYear) {
            last.year = year;
            last.explicitYear = true;
        } else {
            points.add(new DeadlinePoint(Unit.YEAR, 0, 0, year));
            closeRange();
        }
        yearMayAttach = false;
        return true;
    }

    /** "15 марта", "II квартал", "1-2 квартал", "1-10 марта". */
    private boolean number(int number) {
        Token following = peek(0);
        if (following != null && following.is(Type.MONTH)) {
            points.add(new DeadlinePoint(Unit.DAY, following.value(), number, null));
            next++;
        } else if (following != null && following.is(Type.UNIT)) {
            points.add(new DeadlinePoint(following.unit(), DeadlinePoint.checked(following.unit(), number), 0, null));
            next++;
        } else if (isHyphen(following) && peek(1) != null && peek(1).is(Type.NUMBER) && peek(2) != null
                && peek(2).is(Type.UNIT)) {
            Unit shared = peek(2).unit();
            points.add(new DeadlinePoint(shared, DeadlinePoint.checked(shared, number), 0, null));
            rangeStarts.add(points.size() - 1);
            points.add(new DeadlinePoint(shared, DeadlinePoint.checked(shared, peek(1).value()), 0, null));
            next += 3;
        } else if (isHyphen(following) && peek(1) != null && peek(1).is(Type.NUMBER) && peek(2) != null
                && peek(2).is(Type.MONTH)) {
            int month = peek(2).value();
            points.add(new DeadlinePoint(Unit.DAY, month, number, null));
            rangeStarts.add(points.size() - 1);
            points.add(new DeadlinePoint(Unit.DAY, month, peek(1).value(), null));
            next += 3;
        } else {
            return false;
        }
        closeRange();
        yearMayAttach = true;
        return true;
    }

    private boolean dash() {
        if (points.isEmpty() || dashPending || rangeStarts.contains(points.size() - 2)) {
            return false;
        }
        dashPending = true;
        yearMayAttach = false;
        return true;
    }

    /** After a point: if a dash was pending, the point before it and this one form a range. */
    private void closeRange() {
        if (dashPending && points.size() >= 2) {
            rangeStarts.add(points.size() - 2);
        }
        dashPending = false;
    }

    private Token peek(int ahead) {
        return next + ahead < tokens.size() ? tokens.get(next + ahead) : null;
    }

    private static boolean isHyphen(Token token) {
        return token != null && token.word().equals("-");
    }
}
