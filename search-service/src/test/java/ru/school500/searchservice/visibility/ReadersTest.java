package ru.school500.searchservice.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.security.Role;

class ReadersTest {

    private static final CurrentUser KIR_SCHOOL = new CurrentUser("s1", "kir-school1", Set.of(Role.SCHOOL), "43",
            "43-01", List.of("43-01-001"));
    private static final CurrentUser KIR_CURATOR = new CurrentUser("c1", "kir-curator", Set.of(Role.CURATOR), "43",
            "43-01", List.of("43-01-001", "43-01-002"));
    private static final CurrentUser KIR_MUNICIPAL = new CurrentUser("m1", "kir-municipal",
            Set.of(Role.MUNICIPAL_COORDINATOR), "43", "43-01", List.of());
    private static final CurrentUser KIR_OPERATOR = new CurrentUser("o1", "kir-operator",
            Set.of(Role.REGIONAL_OPERATOR), "43", null, List.of());
    private static final CurrentUser KIR_MINISTRY = new CurrentUser("n1", "kir-ministry",
            Set.of(Role.REGIONAL_MINISTRY), "43", null, List.of());
    private static final CurrentUser IRK_OPERATOR = new CurrentUser("o2", "irk-operator",
            Set.of(Role.REGIONAL_OPERATOR), "38", null, List.of());
    private static final CurrentUser FEDERAL = new CurrentUser("f1", "fed-analyst", Set.of(Role.FEDERAL_ANALYST),
            null, null, List.of());

    @Test
    void anonymousHoldsOnlyPublic() {
        assertThat(Readers.of(CurrentUser.anonymous())).containsExactly(Readers.PUBLIC);
    }

    @Test
    void schoolMaterialIsReadByItsSchoolCuratorMunicipalityAndRegionalOperatorOnly() {
        List<String> readers = Readers.document("SCHOOL_MATERIAL", false, "43", "43-01", "43-01-001");

        assertThat(canRead(KIR_SCHOOL, readers)).isTrue();
        assertThat(canRead(KIR_CURATOR, readers)).isTrue();
        assertThat(canRead(KIR_MUNICIPAL, readers)).isTrue();
        assertThat(canRead(KIR_OPERATOR, readers)).isTrue();
        assertThat(canRead(KIR_MINISTRY, readers)).isFalse();
        assertThat(canRead(IRK_OPERATOR, readers)).isFalse();
        assertThat(canRead(FEDERAL, readers)).isFalse();
        assertThat(canRead(CurrentUser.anonymous(), readers)).isFalse();
    }

    @Test
    void progressIsSeenByFederalAnalystsAndTheRegionsStaffOnlyEvenOnAPublicRoadmap() {
        List<String> readers = Readers.progress("43");

        assertThat(Readers.anyOf(Readers.of(FEDERAL), readers)).isTrue();
        assertThat(Readers.anyOf(Readers.of(KIR_OPERATOR), readers)).isTrue();
        assertThat(Readers.anyOf(Readers.of(KIR_MINISTRY), readers)).isTrue();
        assertThat(Readers.anyOf(Readers.of(KIR_MUNICIPAL), readers)).isTrue();
        assertThat(Readers.anyOf(Readers.of(KIR_SCHOOL), readers)).isFalse();
        assertThat(Readers.anyOf(Readers.of(KIR_CURATOR), readers)).isFalse();
        assertThat(Readers.anyOf(Readers.of(IRK_OPERATOR), readers)).isFalse();
        assertThat(Readers.anyOf(Readers.of(CurrentUser.anonymous()), readers)).isFalse();
        assertThat(Readers.roadmap("APPROVED", "43")).containsExactly(Readers.PUBLIC);
    }

    @Test
    void anotherSchoolOfTheSameRegionDoesNotReadTheMaterial() {
        CurrentUser otherSchool = new CurrentUser("s2", "kir-school2", Set.of(Role.SCHOOL), "43", "43-02",
                List.of("43-02-001"));

        assertThat(canRead(otherSchool, Readers.document("SCHOOL_MATERIAL", false, "43", "43-01", "43-01-001")))
                .isFalse();
    }

    @Test
    void ordersAreReadByEveryRoleOfTheRegionAndFederalAnalysts() {
        List<String> readers = Readers.document("ORDER", false, "43", null, null);

        assertThat(List.of(KIR_SCHOOL, KIR_CURATOR, KIR_MUNICIPAL, KIR_OPERATOR, KIR_MINISTRY, FEDERAL))
                .allMatch(user -> canRead(user, readers));
        assertThat(canRead(IRK_OPERATOR, readers)).isFalse();
        assertThat(canRead(CurrentUser.anonymous(), readers)).isFalse();
    }

    @Test
    void publishedPracticeIsPublicAndADraftOnlyItsSchools() {
        assertThat(Readers.practice("PUBLISHED", "38", "38-01", "38-01-001")).containsExactly(Readers.PUBLIC);

        List<String> draft = Readers.practice("DRAFT", "43", "43-01", "43-01-001");
        assertThat(canRead(KIR_SCHOOL, draft)).isTrue();
        assertThat(canRead(KIR_OPERATOR, draft)).isFalse();
        assertThat(canRead(KIR_CURATOR, draft)).isFalse();

        List<String> submitted = Readers.practice("SUBMITTED", "43", "43-01", "43-01-001");
        assertThat(canRead(KIR_OPERATOR, submitted)).isTrue();
        assertThat(canRead(KIR_CURATOR, submitted)).isTrue();
        assertThat(canRead(KIR_MUNICIPAL, submitted)).isTrue();
        assertThat(canRead(IRK_OPERATOR, submitted)).isFalse();
        assertThat(canRead(FEDERAL, submitted)).isFalse();
    }

    @Test
    void roadmapDraftsAreForFederalAnalystsAndTheRegionsStaff() {
        List<String> draft = Readers.roadmap("DRAFT", "38");

        assertThat(canRead(FEDERAL, draft)).isTrue();
        assertThat(canRead(IRK_OPERATOR, draft)).isTrue();
        assertThat(canRead(KIR_OPERATOR, draft)).isFalse();
        assertThat(canRead(KIR_SCHOOL, draft)).isFalse();
        assertThat(Readers.roadmap("APPROVED", "38")).containsExactly(Readers.PUBLIC);
        assertThat(Readers.roadmap("SUPERSEDED", "38")).containsExactly(Readers.PUBLIC);
    }

    @Test
    void aSubmittedPracticesFileIsFoundByThePracticesReviewersAndADraftsByItsSchoolOnly() {
        List<String> submitted = Readers.practiceFile("SUBMITTED", false, "43", "43-01", "43-01-001");
        List<String> draft = Readers.practiceFile("DRAFT", false, "43", "43-01", "43-01-001");

        for (CurrentUser reviewer : List.of(KIR_OPERATOR, KIR_CURATOR, KIR_MUNICIPAL, KIR_SCHOOL)) {
            assertThat(canRead(reviewer, submitted)).as(reviewer.username()).isTrue();
        }
        assertThat(canRead(KIR_MINISTRY, submitted)).isFalse();
        assertThat(canRead(IRK_OPERATOR, submitted)).isFalse();
        assertThat(canRead(FEDERAL, submitted)).isFalse();
        assertThat(draft).containsExactly("school:43-01-001:school");
        // a feed entry without the practice's status (an older document-service) stays with the school
        assertThat(Readers.practiceFile(null, false, "43", "43-01", "43-01-001")).isEqualTo(draft);
        assertThat(Readers.practiceFile("PUBLISHED", true, "43", "43-01", "43-01-001")).containsExactly(Readers.PUBLIC);
    }

    @Test
    void unknownDocumentTypesAreReadByNobody() {
        assertThat(Readers.document("SOMETHING_NEW", false, "43", "43-01", "43-01-001")).isEmpty();
    }

    private static boolean canRead(CurrentUser user, List<String> readers) {
        return Readers.of(user).stream().anyMatch(readers::contains);
    }
}
