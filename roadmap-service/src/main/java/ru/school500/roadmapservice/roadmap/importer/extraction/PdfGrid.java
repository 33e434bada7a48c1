package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ru.school500.roadmapservice.roadmap.importer.extraction.PdfPage.Glyph;
import ru.school500.roadmapservice.roadmap.importer.extraction.PdfPage.Ruling;

/**
 * The tables a PDF page draws, found from its ruling lines: vertical rulings that overlap in height form one
 * table, their distinct x positions its column grid; horizontal rulings inside it cut it into rows. In every
 * row a cell reaches from one vertical line that crosses the row to the next, so a section row merged over
 * all columns is one cell spanning the grid, whatever the text inside is aligned or wrapped like.
 */
final class PdfGrid {

    private static final float SAME = 1.5f;

    private PdfGrid() {
    }

    /** A table of one page: its bounds and its rows top to bottom. */
    record Table(float left, float top, float right, float bottom, List<GridRow> rows) {

        boolean contains(Glyph glyph) {
            return glyph.centreX() >= left - SAME && glyph.centreX() <= right + SAME && glyph.centreY() >= top - SAME
                    && glyph.centreY() <= bottom + SAME;
        }
    }

    /** A row: its top and its cells left to right. */
    record GridRow(float top, List<GridCell> cells) {
    }

    /** A cell: how many grid columns it spans, its glyphs, and its horizontal bounds. */
    record GridCell(int span, float left, float right, List<Glyph> glyphs) {
    }

    private record Vertical(float x, float y0, float y1) {
    }

    static List<Table> tables(PdfPage page) {
        List<Vertical> verticals = new ArrayList<>();
        List<Ruling> horizontals = new ArrayList<>();
        for (Ruling ruling : page.rulings()) {
            if (ruling.horizontal()) {
                horizontals.add(ruling);
            } else {
                verticals.add(new Vertical(ruling.x0(), ruling.y0(), ruling.y1()));
            }
        }
        verticals = merged(verticals);
        verticals.sort(Comparator.comparingDouble(Vertical::y0));
        List<List<Vertical>> groups = new ArrayList<>();
        float groupBottom = Float.NEGATIVE_INFINITY;
        for (Vertical vertical : verticals) {
            if (groups.isEmpty() || vertical.y0() > groupBottom + SAME) {
                groups.add(new ArrayList<>());
                groupBottom = vertical.y1();
            }
            groups.getLast().add(vertical);
            groupBottom = Math.max(groupBottom, vertical.y1());
        }
        List<Table> tables = new ArrayList<>();
        for (List<Vertical> group : groups) {
            List<Float> xs = distinct(group.stream().map(Vertical::x).toList());
            if (xs.size() < 3) {
                continue; // a framed box, not a table
            }
            float top = (float) group.stream().mapToDouble(Vertical::y0).min().orElseThrow();
            float bottom = (float) group.stream().mapToDouble(Vertical::y1).max().orElseThrow();
            float left = xs.getFirst();
            float right = xs.getLast();
            List<Float> cuts = new ArrayList<>(List.of(top, bottom));
            for (Ruling horizontal : horizontals) {
                boolean inside = horizontal.y0() >= top - SAME && horizontal.y0() <= bottom + SAME;
                boolean across = Math.min(horizontal.x1(), right) - Math.max(horizontal.x0(), left) > SAME;
                if (inside && across) {
                    cuts.add(horizontal.y0());
                }
            }
            List<Float> ys = distinct(cuts);
            tables.add(new Table(left, top, right, bottom, rows(page, group, xs, ys)));
        }
        return tables;
    }

    private static List<GridRow> rows(PdfPage page, List<Vertical> verticals, List<Float> xs, List<Float> ys) {
        List<GridRow> rows = new ArrayList<>();
        for (int r = 0; r + 1 < ys.size(); r++) {
            float top = ys.get(r);
            float bottom = ys.get(r + 1);
            if (bottom - top < 2 * SAME) {
                continue;
            }
            List<Integer> boundaries = new ArrayList<>();
            for (int c = 0; c < xs.size(); c++) {
                float x = xs.get(c);
                boolean crosses = c == 0 || c == xs.size() - 1 || verticals.stream().anyMatch(v -> Math.abs(v.x() - x)
                        <= SAME && v.y0() <= top + 2 * SAME && v.y1() >= bottom - 2 * SAME);
                if (crosses) {
                    boundaries.add(c);
                }
            }
            List<GridCell> cells = new ArrayList<>();
            boolean any = false;
            for (int b = 0; b + 1 < boundaries.size(); b++) {
                float left = xs.get(boundaries.get(b));
                float right = xs.get(boundaries.get(b + 1));
                List<Glyph> glyphs = new ArrayList<>();
                for (Glyph glyph : page.glyphs()) {
                    if (glyph.centreX() >= left && glyph.centreX() < right && glyph.centreY() >= top
                            && glyph.centreY() < bottom) {
                        glyphs.add(glyph);
                        any |= !glyph.isSpace();
                    }
                }
                cells.add(new GridCell(boundaries.get(b + 1) - boundaries.get(b), left, right, glyphs));
            }
            if (any) {
                rows.add(new GridRow(top, cells));
            }
        }
        return rows;
    }

    /** Collinear vertical pieces (one per row, as browsers draw them) as one line per stretch. */
    private static List<Vertical> merged(List<Vertical> verticals) {
        List<Vertical> sorted = new ArrayList<>(verticals);
        sorted.sort(Comparator.comparingDouble(Vertical::x).thenComparingDouble(Vertical::y0));
        List<Vertical> merged = new ArrayList<>();
        for (Vertical vertical : sorted) {
            if (!merged.isEmpty()) {
                Vertical last = merged.getLast();
                if (Math.abs(last.x() - vertical.x()) <= SAME && vertical.y0() <= last.y1() + SAME) {
                    merged.set(merged.size() - 1, new Vertical(last.x(), last.y0(), Math.max(last.y1(), vertical.y1())));
                    continue;
                }
            }
            merged.add(vertical);
        }
        return merged;
    }

    /** Sorted values with those closer than {@link #SAME} taken as one (their first). */
    private static List<Float> distinct(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        List<Float> distinct = new ArrayList<>();
        for (float value : sorted) {
            if (distinct.isEmpty() || value - distinct.getLast() > SAME) {
                distinct.add(value);
            }
        }
        return distinct;
    }
}
