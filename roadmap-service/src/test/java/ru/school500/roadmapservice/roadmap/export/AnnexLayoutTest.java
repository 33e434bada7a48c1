package ru.school500.roadmapservice.roadmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnexLayoutTest {

    @Test
    void sectionNumberIsPrintedWithItsDotWhetherStoredWithOrWithout() {
        assertThat(AnnexLayout.sectionNumber("1")).isEqualTo("1.");
        assertThat(AnnexLayout.sectionNumber("1.")).isEqualTo("1.");
        assertThat(AnnexLayout.sectionNumber("II")).isEqualTo("II.");
        assertThat(AnnexLayout.sectionNumber(" 2.1 ")).isEqualTo("2.1.");
    }
}
