package ru.school500.roadmapservice.roadmap.importer.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfReaderTest {

    @Test
    void repairsSpacesThatGlyphSpacingPutInsideWords() {
        assertThat(PdfReader.repairSplitWords("проведение мероприяти й на региональн ой площадке"))
                .isEqualTo("проведение мероприятий на региональной площадке");
        assertThat(PdfReader.repairSplitWords("в течение года и в мае")).isEqualTo("в течение года и в мае");
    }
}
