package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/**
 * ODT, DOC and RTF through Tika's XHTML output: {@code <p>} outside tables become paragraphs, {@code <tr>}
 * rows, {@code <td colspan>} cells. The text Tika may write is capped by a write limit.
 */
class TikaXhtmlReader {

    private final ImporterProperties limits;

    TikaXhtmlReader(ImporterProperties limits) {
        this.limits = limits;
    }

    SourceDocument read(byte[] bytes, String type) {
        BlockHandler blocks = new BlockHandler();
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type);
        try (TikaInputStream stream = TikaInputStream.get(bytes)) {
            new AutoDetectParser().parse(stream, new WriteOutContentHandler(blocks, limits.maxTextCharacters()),
                    metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ImportRejectedException(Reason.ENCRYPTED, "Документ защищён паролем.", e);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ImportRejectedException(Reason.TOO_COMPLEX, "В документе больше "
                        + limits.maxTextCharacters() + " символов текста: это не похоже на распоряжение.", e);
            }
            throw new ImportRejectedException(Reason.DAMAGED, "Документ повреждён и не читается.", e);
        } catch (IOException | TikaException | RuntimeException e) {
            throw new ImportRejectedException(Reason.DAMAGED, "Документ повреждён и не читается.", e);
        }
        return new SourceDocument(type, blocks.blocks);
    }

    /** Builds paragraphs and rows from XHTML events. Nested tables are flattened into the outer cell. */
    private static final class BlockHandler extends DefaultHandler {
        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private List<Cell> row;
        private int cellSpan = 1;
        private int tableDepth;
        private int tables;
        private int line;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "table" -> {
                    flushParagraph();
                    if (tableDepth++ == 0) {
                        tables++;
                    }
                }
                case "tr" -> {
                    if (tableDepth == 1) {
                        row = new ArrayList<>();
                    }
                }
                case "td", "th" -> {
                    if (tableDepth == 1) {
                        text.setLength(0);
                        String colspan = attributes.getValue("colspan");
                        cellSpan = colspan != null && colspan.matches("\\d{1,3}") ? Integer.parseInt(colspan) : 1;
                    }
                }
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br" -> text.append(' ');
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "table" -> tableDepth--;
                case "td", "th" -> {
                    if (tableDepth == 1 && row != null) {
                        row.add(new Cell(Texts.clean(text.toString()), cellSpan, false));
                        text.setLength(0);
                    }
                }
                case "tr" -> {
                    if (tableDepth == 1 && row != null) {
                        blocks.add(new Row(row, ++line, false, tables));
                        row = null;
                    }
                }
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li" -> {
                    if (tableDepth == 0) {
                        flushParagraph();
                    } else {
                        text.append(' ');
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endDocument() {
            flushParagraph();
        }

        private void flushParagraph() {
            if (tableDepth > 0) {
                return;
            }
            String paragraph = Texts.clean(text.toString());
            text.setLength(0);
            if (!paragraph.isEmpty()) {
                blocks.add(new Text(paragraph, ++line));
            }
        }
    }
}
