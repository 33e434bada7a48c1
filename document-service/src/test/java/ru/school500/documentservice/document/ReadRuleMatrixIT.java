package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.domain.Specification;

import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.practice.PracticeService;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.ReadMatrix;

/**
 * Both forms of the document read rule against {@code access/read-matrix.txt}: the in-memory check behind
 * {@code GET /api/documents/{id}} and the database filter behind {@code GET /api/documents}, for every
 * caller × document type × practice status × live/deleted.
 */
class ReadRuleMatrixIT extends IntegrationTest {

    private static final ReadMatrix MATRIX = ReadMatrix.load();

    @Autowired
    private DocumentRepository documents;

    @Autowired
    private PracticeService practices;

    private final Map<ReadMatrix.Row, UUID> ids = new LinkedHashMap<>();

    @BeforeEach
    void documentsOfEveryRow() {
        MATRIX.rows().stream().filter(row -> !row.isPractice())
                .forEach(row -> ids.put(row, ReadMatrix.insertDocument(jdbc, row)));
    }

    @AfterEach
    void removeThem() {
        for (UUID id : ids.values()) {
            UUID practiceId = jdbc.sql("select practice_id from document where id = ?").param(id)
                    .query(UUID.class).optional().orElse(null);
            jdbc.sql("delete from document where id = ?").param(id).update();
            if (practiceId != null) {
                jdbc.sql("delete from practice where id = ?").param(practiceId).update();
            }
        }
    }

    @Test
    void theInMemoryCheckFollowsTheReadMatrix() {
        List<String> wrong = new ArrayList<>();
        for (ReadMatrix.Caller caller : MATRIX.callers()) {
            CurrentUser user = caller.user();
            ids.forEach((row, id) -> {
                Document doc = documents.findById(id).orElseThrow();
                PracticeRef practice = doc.getPracticeId() == null ? null
                        : practices.find(doc.getPracticeId()).orElseThrow();
                if (DocumentVisibility.canRead(user, doc, practice) != row.readBy(caller.name())) {
                    wrong.add(caller.name() + " × " + row + ": expected " + (row.readBy(caller.name()) ? "" : "not ")
                            + "readable");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDatabaseFilterFollowsTheReadMatrix() {
        Specification<Document> ours = (root, query, cb) -> root.get("id").in(ids.values());
        List<String> wrong = new ArrayList<>();
        for (ReadMatrix.Caller caller : MATRIX.callers()) {
            Set<UUID> found = documents.findAll(DocumentVisibility.readableBy(caller.user()).and(ours)).stream()
                    .map(Document::getId).collect(Collectors.toSet());
            ids.forEach((row, id) -> {
                if (found.contains(id) != row.readBy(caller.name())) {
                    wrong.add(caller.name() + " × " + row + ": expected " + (row.readBy(caller.name()) ? "" : "not ")
                            + "found");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }
}
