package ru.school500.roadmapservice.roadmap;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * An order (распоряжение) as a roadmap refers to it: the document in document-service (when known) and
 * what the order itself says. Used for the approving order and for the orders it repeals.
 *
 * @param documentId        id of the signed document in document-service, {@code null} until uploaded
 * @param kind              "РАСПОРЯЖЕНИЕ", "ПРИКАЗ", …
 * @param number            as written: "324", "294-сп"
 * @param date              date of signing
 * @param authority         "Министерство образования Кировской области"
 * @param city              "г. Киров"
 * @param title             "Об утверждении дорожной карты …"
 * @param signatory         "О.Н. Рысева"
 * @param signatoryPosition "Министр образования Кировской области"
 * @param annexCitation     how the annex's approval stamp cites the order, verbatim ("от 14 марта 2021 года
 *                          № 294-мер"): kept because documents contradict themselves
 */
public record OrderReference(
        UUID documentId,
        @Size(max = 100) String kind,
        @Size(max = 100) String number,
        LocalDate date,
        @Size(max = 1000) String authority,
        @Size(max = 200) String city,
        @Size(max = 10000) String title,
        @Size(max = 500) String signatory,
        @Size(max = 1000) String signatoryPosition,
        @Size(max = 1000) String annexCitation) {
}
