package ru.school500.roadmapservice.roadmap.importer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.OrganisationType;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview;

class OrganisationResolverTest {

    @Test
    void splitsExecutorsOutsideQuotesAndParentheses() {
        assertThat(OrganisationResolver.split("ЦНППМ, ГАУ «Центр оценки мастерства, квалификации педагогов», "
                + "органы местного самоуправления, осуществляющие управление в сфере образования; школы"))
                .containsExactly("ЦНППМ", "ГАУ «Центр оценки мастерства, квалификации педагогов»",
                        "органы местного самоуправления, осуществляющие управление в сфере образования", "школы");
    }

    @Test
    void findsTheFullNameAnInlineDefinitionStandsFor() {
        String text = "Проведение «круглых столов» на базе органов местного самоуправления, осуществляющих "
                + "управление в сфере образования (далее – ОМСУ)";
        assertThat(OrganisationResolver.fullNameBefore(text, text.indexOf("(далее")))
                .isEqualTo("органов местного самоуправления, осуществляющих управление в сфере образования");
        String stamp = "списка кураторов, рекомендованных федеральным государственным бюджетным учреждением "
                + "«Федеральный институт оценки качества образования» (далее – ФИОКО)";
        assertThat(OrganisationResolver.fullNameBefore(stamp, stamp.indexOf("(далее"))).isEqualTo(
                "федеральным государственным бюджетным учреждением «Федеральный институт оценки качества образования»");
    }

    @Test
    void resolvesAbbreviationDefinedAnywhereAndNamesTheAuthorityAsInTheHeader() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver("Министерство образования Кировской области", warnings);
        resolver.learn("актов министерства образования Кировской области (далее – министерство образования)");

        assertThat(resolver.resolve("министерство образования", "1.1", 1, "Исполнители"))
                .singleElement().satisfies(e -> assertThat(e.organisation()).isEqualTo("org-1"));
        assertThat(resolver.organisations()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Министерство образования Кировской области");
            assertThat(o.type()).isEqualTo(OrganisationType.MINISTRY);
            assertThat(o.aliases()).contains("министерство образования");
        });
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void matchesUndefinedAbbreviationByItsQuotedNameWithAWarning() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver(null, warnings);
        resolver.learnExecutors("Кировское областное государственное автономное учреждение «Центр оценки качества "
                + "образования» (далее – КОГАУ «Центр оценки качества образования»)", "2.5", 90);

        resolver.resolve("КОГОАУ «Центр оценки качества образования»", "2.5", 90, "Исполнители");

        assertThat(resolver.organisations()).hasSize(1);
        assertThat(warnings.list()).extracting(ImportWarning::code).containsExactly(Code.ALIAS_MISMATCH);
    }

    @Test
    void definitionInTheOrdersTextGivesTheNominativeNameAndKeepsTheWrittenOne() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver(null, warnings);
        resolver.learn("2. Ректору государственного автономного учреждения дополнительного профессионального "
                + "образования «Институт развития образования» (далее – ИРО) обеспечить выполнение.");

        resolver.resolve("ИРО", "1.1", 1, "Исполнители");

        assertThat(resolver.organisations()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Государственное автономное учреждение дополнительного профессионального "
                    + "образования «Институт развития образования»");
            assertThat(o.writtenAs()).isEqualTo("государственного автономного учреждения дополнительного "
                    + "профессионального образования «Институт развития образования»");
        });
    }

    @Test
    void abbreviationDefinedTwiceForDifferentOrganisationsIsWarnedAboutOnce() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver(null, warnings);
        resolver.learn("через центр непрерывного повышения профессионального мастерства педагогических работников "
                + "(далее – ЦНППМ)");
        resolver.learn("Центр непрерывного повышения педагогического мастерства (далее – ЦНППМ)", "3", 12);
        resolver.learnExecutors("Центр непрерывного повышения педагогического мастерства (далее – ЦНППМ)", "3", 12);

        assertThat(warnings.list()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Code.ORGANISATION_CONFLICT);
            assertThat(w.location().item()).isEqualTo("3");
        });
    }

    @Test
    void sameDefinitionRepeatedIsNoConflictAndTheAuthoritysShortFormIsTheAuthority() {
        Warnings warnings = new Warnings();
        OrganisationResolver resolver = new OrganisationResolver(
                "Управление образования администрации Оричевского муниципального округа", warnings);
        resolver.learn("Районному методическому кабинету управления образования (далее – РМК) организовать");
        resolver.learn("2. Районному методическому кабинету управления образования (далее – РМК)", "1.1", 3);

        List<RoadmapPreview.Executor> executors = resolver.resolve("РМК, Управление образования", "1.1", 3, "Исполнители");

        assertThat(warnings.list()).isEmpty();
        assertThat(resolver.organisations()).extracting(RoadmapPreview.Organisation::name).containsExactly(
                "Районный методический кабинет управления образования",
                "Управление образования администрации Оричевского муниципального округа");
        assertThat(executors).hasSize(2);
    }
}
