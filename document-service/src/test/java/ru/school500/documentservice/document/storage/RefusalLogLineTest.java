package ru.school500.documentservice.document.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The client's file name in the refusal log line cannot break the line, reorder it or end the quotes. */
class RefusalLogLineTest {

    @Test
    void controlBidiAndQuoteCharactersOfTheFileNameAreEscaped() {
        String quoted = StagingArea.quoted("a\nupload accepted\u202E\"x\\.zip");

        assertThat(quoted).isEqualTo("\"a\\u000Aupload accepted\\u202E\\u0022x\\u005C.zip\"");
    }

    @Test
    void longNamesAreCutAndAMissingNameIsADash() {
        assertThat(StagingArea.quoted("я".repeat(1000))).hasSize(302);
        assertThat(StagingArea.quoted(null)).isEqualTo("-");
    }
}
