package ru.school500.documentservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * {@code access/read-matrix.txt}: who may read which object, the one table of expectations for the read
 * rules (document-service in memory and in the database; search-service's reader tokens read the same file).
 */
public record ReadMatrix(List<Caller> callers, List<Row> rows) {

    public static final String RESOURCE = "/access/read-matrix.txt";
    public static final String REGION = "43";
    public static final String MUNICIPALITY = "43-01";
    public static final String SCHOOL = "43-01-001";

    /** A caller's token claims; no role means anonymous. */
    public record Caller(String name, String role, String region, String municipality, List<String> schools) {

        public CurrentUser user() {
            if (role == null) {
                return CurrentUser.anonymous();
            }
            Role parsed = Arrays.stream(Role.values()).filter(r -> r.keycloakName().equals(role)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
            return new CurrentUser("sub-" + name, name, Set.of(parsed), region, municipality, schools);
        }
    }

    /** {@code object} is a document type or PRACTICE; {@code practiceStatus} null when there is no practice. */
    public record Row(String object, String practiceStatus, boolean deleted, Map<String, Character> cells) {

        /** Whether document-service lets {@code caller} read it ({@code R} or {@code r}). */
        public boolean readBy(String caller) {
            return Character.toUpperCase(cells.get(caller)) == 'R';
        }

        public boolean isPractice() {
            return "PRACTICE".equals(object);
        }

        @Override
        public String toString() {
            return object + (practiceStatus == null ? "" : " of a " + practiceStatus + " practice")
                    + (deleted ? ", deleted" : "");
        }
    }

    public static ReadMatrix load() {
        try (InputStream in = ReadMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadMatrix parse(String text) {
        List<Caller> callers = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || words[0].equals("object")) {
                continue;
            }
            if (words[0].equals("caller")) {
                Map<String, String> claims = new LinkedHashMap<>();
                for (int i = 2; i < words.length; i++) {
                    String[] pair = words[i].split("=", 2);
                    claims.put(pair[0], pair[1]);
                }
                String schools = claims.get("school");
                callers.add(new Caller(words[1], claims.get("role"), claims.get("region"), claims.get("municipality"),
                        schools == null ? List.of() : List.of(schools.split(","))));
                continue;
            }
            if (words.length != 3 + callers.size()) {
                throw new IllegalStateException("row needs " + callers.size() + " cells: " + line);
            }
            Map<String, Character> cells = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                char cell = words[3 + i].charAt(0);
                if ("R.r".indexOf(cell) < 0 || words[3 + i].length() != 1) {
                    throw new IllegalStateException("cell must be R, r or .: " + line);
                }
                cells.put(callers.get(i).name(), cell);
            }
            rows.add(new Row(words[0], words[1].equals("-") ? null : words[1], words[2].equals("deleted"), cells));
        }
        if (callers.isEmpty() || rows.isEmpty()) {
            throw new IllegalStateException("the read matrix has no callers or no rows");
        }
        return new ReadMatrix(List.copyOf(callers), List.copyOf(rows));
    }

    /** Inserts a practice of {@link #SCHOOL} in this status (no files, no comments). */
    public static UUID insertPractice(JdbcClient jdbc, String status) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into practice (id, title, school, region, municipality, direction, directions_version,
                    education_level, description, status, revision, created_by, created_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, 'MENTORING', 1, 'BASIC_GENERAL', 'матрица', ?, 1, 'matrix', ?, 'matrix', ?)""")
                .params(id, "Практика " + status, SCHOOL, REGION, MUNICIPALITY, status, now, now).update();
        return id;
    }

    /**
     * Inserts a document row for a matrix row (a practice file with its practice): school materials and
     * practice files belong to {@link #SCHOOL}, orders and signatures to the region.
     */
    public static UUID insertDocument(JdbcClient jdbc, Row row) {
        UUID practiceId = row.practiceStatus() == null ? null : insertPractice(jdbc, row.practiceStatus());
        boolean ofSchool = row.object().equals("SCHOOL_MATERIAL") || row.object().equals("PRACTICE_FILE");
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into document (id, type, title, region, municipality, school, practice_id, current_version,
                    revision, created_by, created_at, updated_by, updated_at, deleted_by, deleted_at)
                values (?, ?, ?, ?, ?, ?, ?, 1, 1, 'matrix', ?, 'matrix', ?, ?, ?)""")
                .params(id, row.object(), row.toString(), REGION, ofSchool ? MUNICIPALITY : null,
                        ofSchool ? SCHOOL : null, practiceId, now, now, row.deleted() ? "matrix" : null,
                        row.deleted() ? now : null)
                .update();
        return id;
    }
}
