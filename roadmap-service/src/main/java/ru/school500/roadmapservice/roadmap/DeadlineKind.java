package ru.school500.roadmapservice.roadmap;

/** How an item's deadline text reads; the periods say when, the kind says how to read them. */
public enum DeadlineKind {
    /** One date or one range: "18.02.2022", "до 23.12.2021", "январь – март 2022 г.". */
    ONCE,
    /** Several dates or ranges: "апрель, июнь, октябрь, декабрь 2022 г.". */
    RECURRING,
    /** "в течение года": the whole year is one period. */
    THROUGHOUT_YEAR,
    /** "по плану работы …", "в соответствии с планом мероприятий": dates are in another plan. */
    BY_PLAN,
    /** "постоянно". */
    PERMANENT,
    /** "по мере необходимости". */
    AS_NEEDED,
    /** The text could not be read; only the raw text is known. */
    UNPARSED
}
