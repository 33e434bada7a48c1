package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.reading.CellJoiner;

/**
 * Lines of PDF text outside tables joined into paragraphs: a line continues the one above when the line above
 * reached the right margin of the text (so it was wrapped, not ended), follows at the page's line distance,
 * starts at the left margin (or is centred under it) and does not start a numbered paragraph of its own.
 */
final class PdfParagraphs {

    private static final Pattern NUMBERED_PARAGRAPH = Pattern.compile("^\\d{1,2}(?:\\.\\d{1,2})*\\.\\s");

    /** A line: its horizontal extent, baseline (growing downwards), font size and text. */
    record Line(float left, float right, float baseline, float size, String text) {
    }

    private PdfParagraphs() {
    }

    static List<Line> join(List<Line> lines, CellJoiner joiner) {
        float margin = (float) lines.stream().mapToDouble(Line::right).max().orElse(0);
        float leftMargin = (float) lines.stream().mapToDouble(Line::left).min().orElse(0);
        float pitch = Float.MAX_VALUE;
        for (int i = 1; i < lines.size(); i++) {
            float distance = lines.get(i).baseline() - lines.get(i - 1).baseline();
            if (distance >= lines.get(i).size() * 0.8f) {
                pitch = Math.min(pitch, distance);
            }
        }
        List<Line> paragraphs = new ArrayList<>();
        for (Line line : lines) {
            if (!paragraphs.isEmpty()) {
                Line last = paragraphs.getLast();
                float width = margin - leftMargin;
                boolean wrapped = last.right() >= margin - width * 0.12f;
                boolean close = line.baseline() - last.baseline() <= pitch + line.size() * 0.15f;
                boolean atMargin = line.left() <= leftMargin + line.size();
                boolean centred = Math.abs(line.left() + line.right() - last.left() - last.right()) < 2 * line.size();
                if (wrapped && close && (atMargin || centred) && !NUMBERED_PARAGRAPH.matcher(line.text()).find()) {
                    paragraphs.set(paragraphs.size() - 1, new Line(last.left(), line.right(), line.baseline(),
                            line.size(), joiner.joinLines(last.text(), line.text(), false)));
                    continue;
                }
            }
            paragraphs.add(line);
        }
        return paragraphs;
    }
}
