package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class DeadlinePeriod {

    @Column(name = "start_date")
    private LocalDate start;
    @Column(name = "end_date")
    private LocalDate end;

    protected DeadlinePeriod() {
    }

    DeadlinePeriod(Period period) {
        this.start = period.start();
        this.end = period.end();
    }

    Period view() {
        return new Period(start, end);
    }
}
