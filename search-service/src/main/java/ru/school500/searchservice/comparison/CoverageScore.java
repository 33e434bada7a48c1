package ru.school500.searchservice.comparison;

import java.util.List;

/** A roadmap scored on the coverage rubric, with a reason per criterion. */
public record CoverageScore(String roadmapId, int points, int max, Zone zone, List<Reason> reasons) {

    public enum Zone {
        GREEN("зелёная"), YELLOW("жёлтая"), RED("красная");

        private final String title;

        Zone(String title) {
            this.title = title;
        }

        /** Russian name of the zone. */
        public String title() {
            return title;
        }
    }

    /**
     * @param points awarded: all of {@code max} when met, otherwise 0
     * @param text   Russian: met or not, with the numbers behind it
     * @param counts for share criteria: the items in each kind of deadline or indicator, counted toward the share
     *               or not; empty for the other criteria
     */
    public record Reason(String code, String title, boolean met, int points, int max, String text,
            List<Count> counts) {

        public Reason {
            counts = counts == null ? List.of() : List.copyOf(counts);
        }

        public Reason(String code, String title, boolean met, int points, int max, String text) {
            this(code, title, met, points, max, text, List.of());
        }
    }

    /**
     * @param code        DATED, THROUGHOUT_YEAR, WHOLE_YEAR, NO_PERIOD for deadlines; QUANTITY, PRODUCT, RESULT,
     *                    NOT_MEASURABLE, MISSING for indicators
     * @param title       Russian
     * @param counted     whether these items count toward the share
     * @param itemNumbers in document order
     */
    public record Count(String code, String title, boolean counted, int count, List<String> itemNumbers) {
    }
}
