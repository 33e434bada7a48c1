package ru.school500.documentservice.practice;

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

import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.ReadMatrix;

/**
 * Both forms of the practice read rule against the PRACTICE rows of {@code access/read-matrix.txt}: the
 * in-memory check behind {@code GET /api/documents/practices/{id}} and the filter behind the registry list.
 */
class PracticeReadMatrixIT extends IntegrationTest {

    private static final ReadMatrix MATRIX = ReadMatrix.load();

    @Autowired
    private PracticeRepository practices;

    private final Map<ReadMatrix.Row, UUID> ids = new LinkedHashMap<>();

    @BeforeEach
    void practicesOfEveryStatus() {
        MATRIX.rows().stream().filter(ReadMatrix.Row::isPractice)
                .forEach(row -> ids.put(row, ReadMatrix.insertPractice(jdbc, row.practiceStatus())));
    }

    @AfterEach
    void removeThem() {
        ids.values().forEach(id -> jdbc.sql("delete from practice where id = ?").param(id).update());
    }

    @Test
    void theInMemoryCheckFollowsTheReadMatrix() {
        List<String> wrong = new ArrayList<>();
        for (ReadMatrix.Caller caller : MATRIX.callers()) {
            ids.forEach((row, id) -> {
                PracticeRef practice = practices.findById(id).orElseThrow().ref();
                if (PracticeVisibility.canRead(caller.user(), practice) != row.readBy(caller.name())) {
                    wrong.add(caller.name() + " × " + row);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDatabaseFilterFollowsTheReadMatrix() {
        Specification<Practice> ours = (root, query, cb) -> root.get("id").in(ids.values());
        List<String> wrong = new ArrayList<>();
        for (ReadMatrix.Caller caller : MATRIX.callers()) {
            Set<UUID> found = practices.findAll(PracticeVisibility.readableBy(caller.user()).and(ours)).stream()
                    .map(Practice::getId).collect(Collectors.toSet());
            ids.forEach((row, id) -> {
                if (found.contains(id) != row.readBy(caller.name())) {
                    wrong.add(caller.name() + " × " + row);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }
}
