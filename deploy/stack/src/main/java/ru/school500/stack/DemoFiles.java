package ru.school500.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/** Makes the demo files from their paragraphs: a Word document (first paragraph as its heading) or plain text. */
final class DemoFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private DemoFiles() {
    }

    static PlatformApi.FilePart render(DemoSet.DemoFile file) {
        String name = file.fileName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".docx")) {
            return new PlatformApi.FilePart(file.fileName(), DOCX, docx(file.paragraphs()));
        }
        if (name.endsWith(".txt")) {
            return new PlatformApi.FilePart(file.fileName(), "text/plain; charset=UTF-8",
                    (String.join("\r\n\r\n", file.paragraphs()) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        throw new StackException("demo data: " + file.fileName() + " is neither .docx nor .txt");
    }

    private static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < paragraphs.size(); i++) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("Times New Roman");
                run.setFontSize(i == 0 ? 14 : 12);
                run.setBold(i == 0);
                run.setText(paragraphs.get(i));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new StackException("demo data: cannot make a Word file", e);
        }
    }
}
