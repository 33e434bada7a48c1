package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;

/**
 * Turns uploaded bytes into a {@link SourceDocument}. The format is detected from the bytes (never from the
 * file name) by Tika; Word 2007+ documents are read with POI to keep real table structure (merged cells,
 * header rows), PDF with PDFBox by glyph positions, ODT/DOC/RTF through Tika's XHTML, plain text by lines
 * and tabs. Archives are checked for bombs and DOCTYPE declarations before any XML parser sees them.
 */
public class DocumentExtractor {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String PDF = "application/pdf";

    private final ImporterProperties limits;
    private final Detector detector = new DefaultDetector();

    public DocumentExtractor(ImporterProperties limits) {
        this.limits = limits;
    }

    public SourceDocument extract(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportRejectedException(Reason.EMPTY_FILE, "Файл пуст: загрузите подписанное распоряжение.");
        }
        if (ArchiveGuard.isZip(bytes)) {
            new ArchiveGuard(limits).check(bytes);
        }
        String type = detect(bytes);
        return switch (type) {
            case DOCX -> new DocxReader(limits).read(bytes);
            case PDF -> new PdfReader(limits).read(bytes);
            case ODT, "application/msword", "application/rtf" -> new TikaXhtmlReader(limits).read(bytes, type);
            case "application/x-tika-ooxml-protected", "application/x-tika-msoffice-encrypted" ->
                    throw new ImportRejectedException(Reason.ENCRYPTED,
                            "Документ Word защищён паролем: сохраните его без пароля и загрузите снова.");
            default -> {
                if (type.startsWith("text/") && !type.equals("text/html") && !type.startsWith("text/xml")) {
                    yield new PlainTextReader(limits).read(bytes, type);
                }
                throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, "Файл не похож на документ ("
                        + type + "). Загрузите распоряжение в формате DOCX, PDF, ODT, DOC или TXT.");
            }
        };
    }

    String detect(byte[] bytes) {
        try (TikaInputStream stream = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(stream, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
