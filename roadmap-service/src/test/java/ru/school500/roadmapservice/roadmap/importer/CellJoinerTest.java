package ru.school500.roadmapservice.roadmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellJoinerTest {

    private final CellJoiner joiner = new CellJoiner(List.of("для учителей-предметников школ"));

    @Test
    void joinsWordHyphenatedAcrossThePageBreak() {
        assertThat(joiner.join("«Институт развития образова-", "ния Кировской области»").text())
                .isEqualTo("«Институт развития образования Кировской области»");
    }

    @Test
    void keepsHyphenOfCompoundTheDocumentWritesElsewhere() {
        assertThat(joiner.join("курсы для учителей-", "предметников").text()).isEqualTo("курсы для учителей-предметников");
    }

    @Test
    void dropsFragmentAConverterRepeatedOnBothPages() {
        CellJoiner.Joined joined = joiner.join("с низкими образовательными результатами",
                "ными результатами по вопросам качества");
        assertThat(joined.text()).isEqualTo("с низкими образовательными результатами по вопросам качества");
        assertThat(joined.droppedOverlap()).isEqualTo("ными результатами");
    }

    @Test
    void keepsRepeatedWholeWordsAndJoinsPlainContinuationWithASpace() {
        assertThat(joiner.join("по плану работы", "работы ЕРМС").text()).isEqualTo("по плану работы работы ЕРМС");
        assertThat(joiner.join("(на дату", "мониторинга)").text()).isEqualTo("(на дату мониторинга)");
    }

    @Test
    void joinsWebAddressWrappedInANarrowColumn() {
        assertThat(joiner.join("сайт: https://kirovipk.ru/activities/pro", "jects/500-2/").text())
                .isEqualTo("сайт: https://kirovipk.ru/activities/projects/500-2/");
    }
}
