package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeStatus;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

class DocumentAccessTest {

    private static CurrentUser user(Role role, String region, String municipality, String... schools) {
        return new CurrentUser("sub", role.keycloakName(), Set.of(role), region, municipality, List.of(schools));
    }

    private static Document doc(DocumentType type, String region, String municipality, String school) {
        return new Document(UUID.randomUUID(), type, "t", region, municipality, school, "owner", Instant.now());
    }

    private final CurrentUser school1 = user(Role.SCHOOL, "43", "43-01", "43-01-001");
    private final CurrentUser curator = user(Role.CURATOR, "43", null, "43-01-001", "43-01-002");
    private final CurrentUser municipal = user(Role.MUNICIPAL_COORDINATOR, "43", "43-01");
    private final CurrentUser operator = user(Role.REGIONAL_OPERATOR, "43", null);
    private final CurrentUser ministry = user(Role.REGIONAL_MINISTRY, "43", null);
    private final CurrentUser irkOperator = user(Role.REGIONAL_OPERATOR, "38", null);
    private final CurrentUser analyst = user(Role.FEDERAL_ANALYST, null, null);

    @Test
    void schoolMaterialMatrix() {
        Document material = doc(DocumentType.SCHOOL_MATERIAL, "43", "43-01", "43-01-001");

        assertThat(List.of(school1, curator, municipal, operator, ministry, irkOperator, analyst,
                CurrentUser.anonymous()).stream().map(u -> DocumentVisibility.canRead(u, material, null)))
                .containsExactly(true, true, true, true, false, false, false, false);
        assertThat(DocumentAccess.canWrite(school1, material, null)).isTrue();
        assertThat(DocumentAccess.canWrite(curator, material, null)).isFalse();
        assertThat(DocumentAccess.canWrite(operator, material, null)).isFalse();
        assertThat(DocumentAccess.canRestore(operator, material, null)).isTrue();
        assertThat(DocumentAccess.canRestore(irkOperator, material, null)).isFalse();
        assertThat(DocumentAccess.canComment(curator, material)).isTrue();
        assertThat(DocumentAccess.canComment(municipal, material)).isFalse();
    }

    @Test
    void deletedDocumentsAreSeenOnlyByThoseWhoMayRestoreThem() {
        Document material = doc(DocumentType.SCHOOL_MATERIAL, "43", "43-01", "43-01-001");
        material.delete("owner", Instant.now());

        assertThat(DocumentVisibility.canRead(curator, material, null)).isFalse();
        assertThat(DocumentVisibility.canRead(operator, material, null)).isTrue();
        assertThat(DocumentVisibility.canRead(school1, material, null)).isTrue();
    }

    @Test
    void ordersAreTheRegionsAndTheFederalAnalysts() {
        Document order = doc(DocumentType.ORDER, "43", null, null);

        assertThat(DocumentVisibility.canRead(analyst, order, null)).isTrue();
        assertThat(DocumentVisibility.canRead(school1, order, null)).isTrue();
        assertThat(DocumentVisibility.canRead(irkOperator, order, null)).isFalse();
        assertThat(DocumentAccess.canWrite(ministry, order, null)).isTrue();
        assertThat(DocumentAccess.canWrite(operator, order, null)).isTrue();
        assertThat(DocumentAccess.canWrite(analyst, order, null)).isFalse();
        assertThat(DocumentAccess.mayCreate(ministry, DocumentType.SIGNATURE)).isTrue();
        assertThat(DocumentAccess.mayCreate(operator, DocumentType.SIGNATURE)).isFalse();
        assertThat(DocumentAccess.mayCreate(analyst, DocumentType.ORDER)).isFalse();
    }

    @Test
    void practiceFilesFollowThePractice() {
        Document file = doc(DocumentType.PRACTICE_FILE, "43", "43-01", "43-01-001");
        PracticeRef draft = new PracticeRef(UUID.randomUUID(), "43-01-001", "43", "43-01", PracticeStatus.DRAFT);
        PracticeRef published = new PracticeRef(draft.id(), "43-01-001", "43", "43-01", PracticeStatus.PUBLISHED);

        assertThat(DocumentVisibility.canRead(operator, file, draft)).isFalse();
        assertThat(DocumentVisibility.canRead(school1, file, draft)).isTrue();
        assertThat(DocumentVisibility.canRead(irkOperator, file, published)).isTrue();
        assertThat(DocumentAccess.canWrite(school1, file, published)).isFalse();
    }
}
