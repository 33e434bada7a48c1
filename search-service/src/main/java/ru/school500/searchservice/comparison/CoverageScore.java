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
     */
    public record Reason(String code, String title, boolean met, int points, int max, String text) {
    }
}
