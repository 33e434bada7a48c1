package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentResponsesTest {

    @Test
    void cyrillicNamesGetAnAsciiFallbackAndAnRfc5987Name() {
        assertThat(ContentResponses.contentDisposition("Приказ № 5.pdf", false))
                .isEqualTo("attachment; filename=\"______ _ 5.pdf\"; "
                        + "filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%20%E2%84%96%205.pdf");
    }

    @Test
    void quotesCannotBreakTheHeader() {
        assertThat(ContentResponses.contentDisposition("a\"b.pdf", true)).startsWith("inline; filename=\"a_b.pdf\"");
    }

    @Test
    void displayNamesLosePathsAndControlCharacters() {
        assertThat(DocumentUploads.displayName("C:\\Users\\школа\\отчёт.pdf")).isEqualTo("отчёт.pdf");
        assertThat(DocumentUploads.displayName("../../etc/passwd\u0000")).isEqualTo("passwd");
        assertThat(DocumentUploads.displayName("  ")).isEqualTo("file");
    }
}
