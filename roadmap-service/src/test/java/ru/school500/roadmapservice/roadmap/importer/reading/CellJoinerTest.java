package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


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

    @ParameterizedTest(name = "«{0}» + «{1}» → «{2}»")
    @CsvSource(delimiter = '|', textBlock = """
            разработать контрольно-       | измерительные задания  | разработать контрольно-измерительные задания
            работа онлайн-                | лабораторий            | работа онлайн-лабораторий
            октябрь-                      | ноябрь                 | октябрь-ноябрь
            мероприя‐                     | тий                    | мероприятий
            on-                           | line                   | on-line
            модель/                       | концепцию              | модель/концепцию
            """)
    void toldApartBySoftAndHardHyphenByTheDictionary(String before, String after, String joined) {
        assertThat(joiner.joinLines(before, after, false)).isEqualTo(joined);
    }

    @Test
    void joinsAWordANarrowColumnCutWithoutAHyphen() {
        assertThat(joiner.joinLines("по плану мероприятий министерств", "а", true))
                .isEqualTo("по плану мероприятий министерства");
        assertThat(joiner.joinLines("мероприяти", "й региона", false)).isEqualTo("мероприятий региона");
        assertThat(joiner.joinLines("в течение", "года", false)).isEqualTo("в течение года");
    }
}
