package ru.school500.roadmapservice.roadmap.importer.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException;
import ru.school500.roadmapservice.roadmap.importer.ImporterProperties;

/**
 * Checks a DOCX/ODT (zip) package before any parser opens it: it inflates every entry while counting, and
 * stops as soon as the package unpacks beyond the configured size or compression ratio (a zip bomb), and
 * refuses XML parts that declare a DOCTYPE (external entities, entity expansion). Office files never need a
 * DOCTYPE, so refusing it costs nothing legitimate.
 */
class ArchiveGuard {

    private static final int XML_HEAD = 4096;

    private final ImporterProperties limits;

    ArchiveGuard(ImporterProperties limits) {
        this.limits = limits;
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    void check(byte[] bytes) {
        long allowed = Math.min(limits.maxUnpackedSize().toBytes(),
                Math.max(10L * 1024 * 1024, (long) bytes.length * limits.maxCompressionRatio()));
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                byte[] head = new byte[XML_HEAD];
                int headLength = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    if (xml && headLength < XML_HEAD) {
                        int copy = Math.min(read, XML_HEAD - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    total += read;
                    if (total > allowed) {
                        throw new ImportRejectedException(Reason.UNSAFE_ARCHIVE, "Архив документа распаковывается в "
                                + "слишком большой объём (похоже на zip-бомбу): файл отклонён.");
                    }
                }
                if (xml) {
                    String start = new String(head, 0, headLength, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
                    if (start.contains("<!DOCTYPE") || start.contains("<!ENTITY")) {
                        throw new ImportRejectedException(Reason.UNSAFE_XML, "Часть документа «" + entry.getName()
                                + "» объявляет DOCTYPE или внешние сущности XML: такие файлы не принимаются.");
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportRejectedException(Reason.DAMAGED, "Архив документа повреждён и не читается.", e);
        }
    }
}
