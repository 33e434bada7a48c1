package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Block;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Cell;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Row;
import ru.school500.roadmapservice.roadmap.importer.extraction.SourceDocument.Text;
import ru.school500.roadmapservice.roadmap.importer.reading.Texts;

/** Plain text (a converted order): a line with tabs is a table row, any other non-blank line a paragraph. */
class PlainTextReader {

    private final ImporterProperties limits;

    PlainTextReader(ImporterProperties limits) {
        this.limits = limits;
    }

    SourceDocument read(byte[] bytes, String type) {
        String text = decode(bytes);
        if (text.length() > limits.maxTextCharacters()) {
            throw new ImportRejectedException(Reason.TOO_COMPLEX, "В тексте больше "
                    + limits.maxTextCharacters() + " символов: это не похоже на распоряжение.");
        }
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.indexOf('\t') >= 0) {
                List<Cell> cells = new ArrayList<>();
                for (String cell : line.split("\t", -1)) {
                    cells.add(Cell.of(Texts.clean(cell)));
                }
                blocks.add(new Row(cells, i + 1, false, 1));
            } else if (!line.isBlank()) {
                blocks.add(new Text(Texts.clean(line), i + 1));
            }
        }
        return new SourceDocument(type, blocks);
    }

    static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            Charset charset = Charset.forName("windows-1251");
            try {
                CharsetMatch match = new CharsetDetector().setText(bytes).detect();
                if (match != null && match.getConfidence() >= 50 && Charset.isSupported(match.getName())) {
                    charset = Charset.forName(match.getName());
                }
            } catch (RuntimeException detectorFailed) {
                // keep windows-1251, the usual encoding of Russian office text
            }
            return new String(bytes, charset);
        }
    }
}
