package ru.school500.roadmapservice.roadmap.importer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Files that must be refused: each is built here, small, and never written to disk. */
final class BadFiles {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>""";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private BadFiles() {
    }

    static byte[] binary() {
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = 1;
        return bytes;
    }

    static byte[] encryptedPdf() {
        try (PDDocument document = textPdf(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument textPdf() throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            stream.beginText();
            stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            stream.newLineAtOffset(50, 700);
            stream.showText("Roadmap order");
            stream.endText();
        }
        return document;
    }

    static byte[] scannedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage scan = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 50; y < 60; y++) {
                for (int x = 30; x < 270; x++) {
                    scan.setRGB(x, y, 0x202020);
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.drawImage(image, 0, 0, 600, 800);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose document part inflates from kilobytes to 40 MB of spaces. */
    static byte[] zipBombDocx() {
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        return docx(zip -> {
            zip.write(("<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A DOCX whose document part declares an external entity reading a local file. */
    static byte[] externalEntityDocx() {
        return docx(zip -> zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>&xxe;</w:t>"
                + "</w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8)));
    }

    private interface Part {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] docx(Part document) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            document.write(zip);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kirov order without its annex: a real order, but no roadmap table. */
    static byte[] orderWithoutAnnex() {
        String text = new String(Fixtures.order(Fixtures.KIROV), StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("№ п/п")).getBytes(StandardCharsets.UTF_8);
    }
}
