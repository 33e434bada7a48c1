package ru.school500.roadmapservice.roadmap;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An organisation named in a roadmap, per region. Created if the region has none with this full name,
 * otherwise merged into it (new aliases are added, nothing is removed).
 *
 * @param fullName  as defined in the order: "Кировское областное государственное образовательное автономное
 *                  учреждение «Институт развития образования Кировской области»"
 * @param shortName the abbreviation the order defines after "(далее – …)", if any
 * @param aliases   every other way the order names it ("КОГОАУ ДПО «Институт развития образования Кировской
 *                  области»", "КОГОАУ ДПО ИРО"); item executors are resolved against full name, short name
 *                  and aliases
 * @param type      ministry, regional institute, municipal body, school or other
 */
public record OrganisationDraft(
        @NotBlank @Size(max = 2000) String fullName,
        @Size(max = 500) String shortName,
        @Size(max = 100) List<@NotBlank @Size(max = 2000) String> aliases,
        @NotNull OrganisationType type) {

    public OrganisationDraft {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
