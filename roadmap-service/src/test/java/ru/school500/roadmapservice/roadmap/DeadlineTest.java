package ru.school500.roadmapservice.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void lastDayIsTheEndOfTheLatestPeriod() {
        Deadline recurring = new Deadline("апрель, июнь 2022 г.", DeadlineKind.RECURRING, List.of(
                new Period(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 30)),
                new Period(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 30))));
        assertThat(recurring.lastDay()).contains(LocalDate.of(2022, 6, 30));
    }

    @Test
    void aDeadlineWithoutPeriodsHasNoLastDay() {
        assertThat(new Deadline("по плану работы ЕРМС", DeadlineKind.BY_PLAN, null).lastDay()).isEmpty();
        assertThat(Deadline.unparsed("когда-нибудь").periods()).isEmpty();
    }
}
