package ru.school500.searchservice.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.school500.searchservice.security.CurrentUser;
import ru.school500.searchservice.security.Role;

/**
 * The reader tokens against {@code access/read-matrix.txt}, the table document-service's read rules are
 * tested against: a record is found by a caller exactly when the table says {@code R}. The file is a copy
 * of document-service's, byte for byte (services share no code, so the table is copied, and checked).
 */
class ReadMatrixTest {

    private static final String RESOURCE = "/access/read-matrix.txt";
    private static final Path DOCUMENT_SERVICE_COPY =
            Path.of("../document-service/src/test/resources/access/read-matrix.txt");

    @Test
    void theReadMatrixIsDocumentServicesByteForByte() throws IOException {
        assertThat(matrixBytes()).isEqualTo(Files.readAllBytes(DOCUMENT_SERVICE_COPY));
    }

    @Test
    void readerTokensFollowTheReadMatrix() throws IOException {
        List<String> lines = new String(matrixBytes(), StandardCharsets.UTF_8).lines().toList();
        Map<String, CurrentUser> callers = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || words[0].equals("object")) {
                continue;
            }
            if (words[0].equals("caller")) {
                callers.put(words[1], user(words));
                continue;
            }
            assertThat(words).as(line).hasSize(3 + callers.size());
            if (words[2].equals("deleted")) {
                continue; // a delete removes the record from the index
            }
            List<String> readers = readersOf(words[0], words[1].equals("-") ? null : words[1]);
            int column = 3;
            for (Map.Entry<String, CurrentUser> caller : callers.entrySet()) {
                boolean expected = words[column++].equals("R");
                boolean found = Readers.of(caller.getValue()).stream().anyMatch(readers::contains);
                if (found != expected) {
                    wrong.add(caller.getKey() + " × " + words[0] + " " + words[1] + ": expected "
                            + (expected ? "" : "not ") + "found");
                }
            }
            rows++;
        }
        assertThat(rows).as("live rows in the matrix").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    /**
     * The record's readers as the indexer computes them from document-service's feed: school materials and
     * practices of school 43-01-001 (municipality 43-01, region 43), orders of region 43; a practice file's
     * {@code visibility.public} is true exactly when its practice is published, {@code visibility.practiceStatus}
     * is its practice's status.
     */
    private static List<String> readersOf(String object, String practiceStatus) {
        return switch (object) {
            case "PRACTICE" -> Readers.practice(practiceStatus, "43", "43-01", "43-01-001");
            case "SCHOOL_MATERIAL" -> Readers.document(object, false, "43", "43-01", "43-01-001");
            case "PRACTICE_FILE" -> Readers.practiceFile(practiceStatus, "PUBLISHED".equals(practiceStatus), "43",
                    "43-01", "43-01-001");
            default -> Readers.document(object, false, "43", null, null);
        };
    }

    /** {@code caller <name> role=… region=… municipality=… school=a,b}; no role: anonymous. */
    private static CurrentUser user(String[] words) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            claims.put(pair[0], pair[1]);
        }
        if (!claims.containsKey("role")) {
            return CurrentUser.anonymous();
        }
        Role role = Arrays.stream(Role.values()).filter(r -> r.keycloakName().equals(claims.get("role")))
                .findFirst().orElseThrow();
        String schools = claims.get("school");
        return new CurrentUser("sub-" + words[1], words[1], Set.of(role), claims.get("region"),
                claims.get("municipality"), schools == null ? List.of() : List.of(schools.split(",")));
    }

    private static byte[] matrixBytes() throws IOException {
        try (InputStream in = ReadMatrixTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }
}
