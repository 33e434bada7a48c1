package ru.school500.searchservice.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Items grouped by roadmap, in document order, and the date arithmetic the views share. */
final class RoadmapItems {

    /**
     * Document order by item number ("1.2" before "1.10"); the sort is stable, so items with equal or
     * unnumbered numbers keep the order they came in.
     */
    static final Comparator<ComparedItem> DOCUMENT_ORDER = Comparator.comparing(ComparedItem::number,
            RoadmapItems::compareNumbers);

    private RoadmapItems() {
    }

    /** Every roadmap in the given order, each with its items in document order; items of other roadmaps are dropped. */
    static Map<String, List<ComparedItem>> byRoadmap(List<ComparedRoadmap> roadmaps, List<ComparedItem> items) {
        Map<String, List<ComparedItem>> grouped = new LinkedHashMap<>();
        roadmaps.forEach(roadmap -> grouped.put(roadmap.id(), new ArrayList<>()));
        for (ComparedItem item : items) {
            List<ComparedItem> list = grouped.get(item.roadmapId());
            if (list != null) {
                list.add(item);
            }
        }
        grouped.values().forEach(list -> list.sort(DOCUMENT_ORDER));
        return grouped;
    }

    static List<String> numbers(List<ComparedItem> items) {
        return items.stream().map(item -> item.number() == null ? "" : item.number()).toList();
    }

    /** The first day a period covers: the earlier of its ends; a period with one end covers that day only. */
    static Optional<LocalDate> firstDay(ComparedItem.Period period) {
        return Stream.of(period.start(), period.end()).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** The last day a period covers: the later of its ends; a period with one end covers that day only. */
    static Optional<LocalDate> lastDay(ComparedItem.Period period) {
        return Stream.of(period.start(), period.end()).filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    /** The last day of the item's deadline: the latest end over its periods; empty without dated periods. */
    static Optional<LocalDate> deadline(ComparedItem item) {
        return item.periods().stream().map(RoadmapItems::lastDay).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    static boolean dated(ComparedItem item) {
        return deadline(item).isPresent();
    }

    /** Compares "1.2" and "1.10" segment by segment, numbers numerically; blank numbers go last. */
    static int compareNumbers(String left, String right) {
        boolean leftBlank = left == null || left.isBlank();
        boolean rightBlank = right == null || right.isBlank();
        if (leftBlank || rightBlank) {
            return Boolean.compare(leftBlank, rightBlank);
        }
        String[] a = left.strip().split("\\.");
        String[] b = right.strip().split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int result = compareSegments(a[i], b[i]);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** "2" before "2а" before "10"; a segment with no leading number goes after numbered ones. */
    private static int compareSegments(String a, String b) {
        int aDigits = leadingDigits(a);
        int bDigits = leadingDigits(b);
        if (aDigits == 0 || bDigits == 0) {
            return aDigits == bDigits ? a.compareTo(b) : aDigits == 0 ? 1 : -1;
        }
        String aNumber = a.substring(leadingZeros(a, aDigits), aDigits);
        String bNumber = b.substring(leadingZeros(b, bDigits), bDigits);
        int result = aNumber.length() != bNumber.length() ? Integer.compare(aNumber.length(), bNumber.length())
                : aNumber.compareTo(bNumber);
        return result != 0 ? result : a.substring(aDigits).compareTo(b.substring(bDigits));
    }

    /** Zeros before the number's first significant digit, its last digit kept («007» → 2, «0» → 0). */
    private static int leadingZeros(String segment, int digits) {
        int zeros = 0;
        while (zeros < digits - 1 && segment.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }

    private static int leadingDigits(String segment) {
        int digits = 0;
        while (digits < segment.length() && segment.charAt(digits) >= '0' && segment.charAt(digits) <= '9') {
            digits++;
        }
        return digits;
    }
}
