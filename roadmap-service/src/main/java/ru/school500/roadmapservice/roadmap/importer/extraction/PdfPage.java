package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What one PDF page shows, in page coordinates with y growing downwards: its glyphs (with the position and
 * size PDFBox computed for each) and its ruling lines — stroked axis-parallel segments and thin filled
 * rectangles, which is how LibreOffice, Word and Chromium draw table borders.
 */
record PdfPage(List<Glyph> glyphs, List<Ruling> rulings) {

    /** One glyph; {@code baseline} and {@code top} grow downwards. A space is kept as a word boundary. */
    record Glyph(String text, float x, float endX, float top, float baseline, float size) {

        boolean isSpace() {
            return text.isBlank();
        }

        float centreX() {
            return (x + endX) / 2;
        }

        float centreY() {
            return (top + baseline) / 2;
        }
    }

    /** A horizontal ({@code y0 == y1}) or vertical ({@code x0 == x1}) line segment. */
    record Ruling(float x0, float y0, float x1, float y1) {

        boolean horizontal() {
            return y0 == y1;
        }
    }

    private static final float THIN = 3f;
    private static final float MIN_LENGTH = 4f;

    static PdfPage read(PDDocument document, int pageIndex) throws IOException {
        PDPage page = document.getPage(pageIndex);
        PDRectangle box = page.getCropBox();
        List<Glyph> glyphs = glyphs(document, pageIndex + 1);
        List<Ruling> rulings = new ArrayList<>();
        new RulingCollector(page, box, rulings).processPage(page);
        return new PdfPage(glyphs, rulings);
    }

    private static List<Glyph> glyphs(PDDocument document, int pageNumber) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                String unicode = text.getUnicode();
                if (unicode == null || unicode.isEmpty()) {
                    return;
                }
                // producers that fake bold print a glyph twice at almost the same place
                String key = unicode + "@" + Math.round(text.getXDirAdj()) + "," + Math.round(text.getYDirAdj());
                if (!seen.add(key)) {
                    return;
                }
                float size = Math.max(1f, text.getFontSizeInPt());
                float height = text.getHeightDir() > 0 ? text.getHeightDir() : size * 0.7f;
                glyphs.add(new Glyph(unicode, text.getXDirAdj(), text.getXDirAdj() + text.getWidthDirAdj(),
                        text.getYDirAdj() - height, text.getYDirAdj(), size));
            }
        };
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        stripper.getText(document);
        return glyphs;
    }

    /** Collects the axis-parallel lines a page strokes or fills, converted to top-down coordinates. */
    private static final class RulingCollector extends PDFGraphicsStreamEngine {

        private final PDRectangle box;
        private final List<Ruling> rulings;
        private final List<float[]> segments = new ArrayList<>();
        private final List<float[]> rectangles = new ArrayList<>();
        private Point2D.Float current = new Point2D.Float();

        RulingCollector(PDPage page, PDRectangle box, List<Ruling> rulings) {
            super(page);
            this.box = box;
            this.rulings = rulings;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles.add(new float[] {(float) Math.min(p0.getX(), p2.getX()), (float) Math.min(p0.getY(), p2.getY()),
                    (float) Math.max(p0.getX(), p2.getX()), (float) Math.max(p0.getY(), p2.getY())});
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            segments.add(new float[] {current.x, current.y, x, y});
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
            clear();
        }

        @Override
        public void strokePath() {
            for (float[] s : segments) {
                add(s[0], s[1], s[2], s[3]);
            }
            for (float[] r : rectangles) {
                add(r[0], r[1], r[2], r[1]);
                add(r[0], r[3], r[2], r[3]);
                add(r[0], r[1], r[0], r[3]);
                add(r[2], r[1], r[2], r[3]);
            }
            clear();
        }

        @Override
        public void fillPath(int windingRule) {
            for (float[] r : rectangles) {
                float width = r[2] - r[0];
                float height = r[3] - r[1];
                if (height <= THIN && width >= MIN_LENGTH) {
                    add(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
                } else if (width <= THIN && height >= MIN_LENGTH) {
                    add((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
                }
            }
            clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void drawImage(PDImage image) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }

        private void clear() {
            segments.clear();
            rectangles.clear();
        }

        private void add(float x0, float y0, float x1, float y1) {
            float left = x0 - box.getLowerLeftX();
            float right = x1 - box.getLowerLeftX();
            float top = box.getUpperRightY() - y0;
            float bottom = box.getUpperRightY() - y1;
            if (Math.abs(top - bottom) <= 0.5f && Math.abs(right - left) >= MIN_LENGTH) {
                float y = (top + bottom) / 2;
                rulings.add(new Ruling(Math.min(left, right), y, Math.max(left, right), y));
            } else if (Math.abs(right - left) <= 0.5f && Math.abs(top - bottom) >= MIN_LENGTH) {
                float x = (left + right) / 2;
                rulings.add(new Ruling(x, Math.min(top, bottom), x, Math.max(top, bottom)));
            }
        }
    }
}
