package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.material;
import static ru.school500.documentservice.document.Uploads.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import com.sun.net.httpserver.HttpServer;

import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.support.Eventually;
import ru.school500.documentservice.support.IntegrationTest;

/**
 * Hostile files through the upload endpoint, on real PostgreSQL and S3Proxy: zip bombs and XML entity
 * attacks in office packages, polyglots, a Content-Type that lies. A file whose bytes are outside the
 * allow-list is refused (problem+json, Russian detail, logged) and leaves no row and no object; an allowed
 * container with a hostile inside is stored as uploaded but neutralised: its text is never expanded, no
 * external entity is ever fetched, the failure is recorded and logged, and it is served as what its bytes
 * are, as an attachment with {@code nosniff}. (Oversize, empty, bidi names: {@code DocumentUploadIT},
 * {@code BadInputIT}; a stalled body: {@code SlowClientIT}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileUploadIT extends IntegrationTest {

    private static final String SECRET = "секрет-сервера-" + UUID.randomUUID();
    private static final AtomicInteger ENTITY_FETCHES = new AtomicInteger();
    private static HttpServer entityServer;

    @BeforeAll
    static void startEntityServer() throws IOException {
        entityServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        entityServer.createContext("/", exchange -> {
            ENTITY_FETCHES.incrementAndGet();
            byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        entityServer.start();
    }

    @AfterAll
    static void stopEntityServer() {
        entityServer.stop(0);
    }

    private static String entityUrl() {
        return "http://127.0.0.1:" + entityServer.getAddress().getPort() + "/entity";
    }

    // --- refused: nothing stored -------------------------------------------------------------------

    @Test
    void htmlOrAnExecutableSentAsPdfIsRefusedWhateverTheContentTypeSaysAndLeavesNothingBehind(CapturedOutput log)
            throws Exception {
        Leftovers before = leftovers();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';

        for (byte[] content : new byte[][] {html, executable}) {
            upload(mvc, Users.kirSchool1(), file("Программа", "program.pdf", "application/pdf", content))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(header().string("Content-Type", startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
                    .andExpect(jsonPath("$.detail", startsWith("Тип файла")));
        }

        assertThat(leftovers()).isEqualTo(before);
        assertThat(log.getOut()).contains("upload refused (415").contains("program.pdf");
    }

    // --- allowed container, hostile inside: stored as uploaded, never expanded ------------------------

    @Test
    void zipBombOdtAndXlsxAreStoredAsUploadedButTheirTextIsNeverExpanded(CapturedOutput log) throws Exception {
        byte[] odt = withEntry(odt("бомба"), "content.xml", this::inflatingOdtContent);
        byte[] xlsx = withEntry(xlsx("бомба"), "xl/sharedStrings.xml", this::inflatingSharedStrings);
        assertThat(odt.length).isLessThan(1024 * 1024);
        assertThat(xlsx.length).isLessThan(1024 * 1024);

        for (byte[] bomb : new byte[][] {odt, xlsx}) {
            String id = json(upload(mvc, Users.kirSchool1(), material("Бомба", "bomb", bomb))
                    .andExpect(status().isCreated()).andReturn(), "$.id");

            Extraction extraction = awaitExtraction(id);
            assertThat(extraction.status()).isIn("FAILED", "DONE");
            assertThat(extraction.textLength()).as("at most the extraction limit, never the 64 MiB inside")
                    .isLessThanOrEqualTo(2_000_000);
            assertThat(downloaded(id)).isEqualTo(bomb);
        }
        assertThat(log.getOut()).contains("extraction of");
    }

    @Test
    void externalEntitiesInDocxAndOdtAreNeverFetchedNorTheirTextExtracted() throws Exception {
        String doctype = "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"" + entityUrl() + "/p\"> %remote;"
                + "<!ENTITY secret SYSTEM \"" + entityUrl() + "\"><!ENTITY local SYSTEM \"file:///etc/passwd\">]>";
        byte[] docx = withEntry(Files.docx("заглушка"), "word/document.xml", xml -> injectDoctype(xml, doctype,
                "заглушка", "&secret;&local;"));
        byte[] odt = withEntry(odt("заглушка"), "content.xml", xml -> injectDoctype(xml, doctype, "заглушка",
                "&secret;&local;"));
        int fetchesBefore = ENTITY_FETCHES.get();

        for (byte[] file : new byte[][] {docx, odt}) {
            String id = json(upload(mvc, Users.kirSchool1(), material("Сущности", "entities", file))
                    .andExpect(status().isCreated()).andReturn(), "$.id");

            Extraction extraction = awaitExtraction(id);
            assertThat(extraction.status()).isIn("FAILED", "DONE");
            assertThat(java.util.Objects.toString(extraction.text(), "")).doesNotContain(SECRET)
                    .doesNotContain("root:");
        }
        assertThat(ENTITY_FETCHES.get()).as("requests to the entity server").isEqualTo(fetchesBefore);
    }

    @Test
    void entityExpansionBombInDocxEndsWithoutExpandingIt() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE x [<!ENTITY l0 \"лол\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        byte[] docx = withEntry(Files.docx("заглушка"), "word/document.xml",
                xml -> injectDoctype(xml, doctype.toString(), "заглушка", "&l9;"));

        String id = json(upload(mvc, Users.kirSchool1(), material("Смех", "laughs.docx", docx))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        Extraction extraction = awaitExtraction(id);
        assertThat(extraction.status()).isIn("FAILED", "DONE");
        assertThat(extraction.textLength()).as("a billion laughs not expanded").isLessThan(10_000);
    }

    @Test
    void polyglotPdfThatIsAlsoHtmlAndZipIsStoredAsPdfAndServedAsAnAttachmentThatIsNeverSniffed() throws Exception {
        byte[] html = "<html><body><script>fetch('/api/documents').then(r=>r.text()).then(alert)</script>"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(Files.pdf("Программа развития"));
        polyglot.writeBytes(html);
        polyglot.writeBytes(zipOf("index.html", new String(html, StandardCharsets.UTF_8)));
        byte[] file = polyglot.toByteArray();

        String id = json(upload(mvc, Users.kirSchool1(), file("Полиглот", "page.html", "text/html", file))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn(), "$.id");

        for (boolean inline : new boolean[] {false, true}) {
            mvc.perform(get("/api/documents/{id}/content", id).param("inline", String.valueOf(inline))
                            .with(Users.kirSchool1()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Disposition", startsWith(inline ? "inline" : "attachment")));
        }
    }

    @Test
    void realPdfSentAsHtmlIsStoredAndServedAsPdf() throws Exception {
        byte[] pdf = Files.pdf("Отчёт о самодиагностике");

        String id = json(upload(mvc, Users.kirSchool1(), file("Отчёт", "report.html", "text/html", pdf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn(), "$.id");

        mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()))
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private record Extraction(String status, String text) {
        int textLength() {
            return text == null ? 0 : text.length();
        }
    }

    /** Polls the stored version until extraction has finished (never a fixed sleep). */
    private Extraction awaitExtraction(String id) {
        return Eventually.within(Duration.ofSeconds(60)).alias("extraction of " + id + " finished")
                .until(() -> jdbc.sql("select extraction_status, extracted_text from document_version "
                                + "where document_id = ? and version = 1").param(UUID.fromString(id))
                        .query((rs, n) -> new Extraction(rs.getString(1), rs.getString(2))).single(),
                        e -> !e.status().equals("PENDING") && !e.status().equals("RUNNING"));
    }

    private byte[] downloaded(String id) throws Exception {
        return mvc.perform(get("/api/documents/{id}/content", id).with(Users.kirSchool1()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MultipartBody file(String title, String fileName, String contentType, byte[] content) {
        return MultipartBody.create().field("type", "SCHOOL_MATERIAL").field("title", title)
                .field("kind", "DEVELOPMENT_PROGRAM").file("file", fileName, contentType, content);
    }

    private static String injectDoctype(String xml, String doctype, String placeholder, String replacement) {
        int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration)
                .replace(placeholder, replacement);
    }

    /** content.xml of an ODT whose one paragraph inflates to 64 MiB from a few dozen KiB. */
    private String inflatingOdtContent(String xml) {
        return xml.replace("бомба", "a".repeat(64 * 1024 * 1024));
    }

    private String inflatingSharedStrings(String xml) {
        return xml.replace("бомба", "a".repeat(64 * 1024 * 1024));
    }

    /** The package with one entry's text rewritten, every other entry (and the ODT mimetype's order) kept. */
    private static byte[] withEntry(byte[] zip, String name, UnaryOperator<String> rewrite) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    content = rewrite.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                rewritten.putNextEntry(copyOf(entry, content));
                rewritten.write(content);
                rewritten.closeEntry();
            }
            assertThat(found).as(name + " in the package").isTrue();
            rewritten.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipEntry copyOf(ZipEntry entry, byte[] content) {
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getMethod() == ZipEntry.STORED) {
            copy.setMethod(ZipEntry.STORED);
            CRC32 crc = new CRC32();
            crc.update(content);
            copy.setCrc(crc.getValue());
            copy.setSize(content.length);
            copy.setCompressedSize(content.length);
        }
        return copy;
    }

    /** A minimal OpenDocument text: the stored mimetype first, a manifest and content.xml with one paragraph. */
    static byte[] odt(String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            zip.putNextEntry(copyOf(storedEntry(first), mimetype));
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                    <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                    <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>""".strip().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                    + "</office:document-content>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipEntry storedEntry(ZipEntry entry) {
        entry.setMethod(ZipEntry.STORED);
        return entry;
    }

    static byte[] xlsx(String text) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue(text);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zipOf(String name, String content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
