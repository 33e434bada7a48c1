package ru.school500.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import tools.jackson.databind.JsonNode;

import ru.school500.stack.S3Server;

/**
 * The end of every scenario: each acknowledged write is stored (PostgreSQL), its bytes are in the bucket with
 * the recorded size and checksum, the bucket and the database agree object for object, and the search finds
 * exactly what the database holds, once each.
 */
final class Consistency {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:15432/";

    private Consistency() {
    }

    /** What the database holds for a version row: its object and the object's size and checksum. */
    record StoredVersion(String objectKey, long size, String sha256) {
    }

    static void check(Ledger ledger, Users users, Duration searchPatience) {
        Map<String, StoredVersion> documents = documentsWithMarker(ledger.marker());
        for (Ledger.Upload upload : ledger.uploads()) {
            StoredVersion stored = documents.get(upload.id());
            assertThat(stored).as("acknowledged upload %s (%s) is stored", upload.id(), upload.title()).isNotNull();
            assertThat(stored.size()).as("size of " + upload.id()).isEqualTo(upload.size());
            assertThat(stored.sha256()).as("checksum of " + upload.id()).isEqualTo(upload.sha256());
        }
        Map<String, String[]> roadmaps = roadmapsWithMarker(ledger.marker());
        for (Ledger.RoadmapEdit edit : ledger.roadmaps()) {
            String[] stored = roadmaps.get(edit.id());
            assertThat(stored).as("acknowledged roadmap %s is stored", edit.id()).isNotNull();
            long version = Long.parseLong(stored[1]);
            assertThat(version).as("version of roadmap " + edit.id()).isGreaterThanOrEqualTo(edit.version());
            if (version == edit.version()) {
                assertThat(stored[0]).as("title of roadmap " + edit.id()).isEqualTo(edit.title());
            }
        }
        bucketAndDatabaseAgree();
        Awaitility.await("the search shows what the database holds for " + ledger.marker())
                .atMost(searchPatience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(searchIds(users.token(Users.SCHOOL), "SCHOOL_MATERIAL", ledger.marker()).ids())
                            .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(documents.keySet());
                    Hits found = searchIds(users.token(Users.ANALYST), "ROADMAP", ledger.marker());
                    assertThat(found.ids()).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(roadmaps.keySet());
                    found.titles().forEach((id, title) -> assertThat(title).as("indexed title of " + id)
                            .isEqualTo(roadmaps.get(id)[0]));
                });
    }

    /** No object without a version row (or an upload still being committed), no version row without its object. */
    static void bucketAndDatabaseAgree() {
        Map<String, Long> objects = bucket();
        Map<String, Long> versions = new HashMap<>();
        Set<String> staged = new HashSet<>();
        try (Connection db = connect("document")) {
            query(db, "select object_key, size from document_version", List.of(),
                    rows -> versions.put(rows.getString(1), rows.getLong(2)));
            query(db, "select object_key from staged_object", List.of(), rows -> staged.add(rows.getString(1)));
        } catch (SQLException e) {
            throw new AssertionError("document database: " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        versions.forEach((key, size) -> {
            if (!size.equals(objects.get(key))) {
                missing.add(key + " (" + size + " bytes in the row, " + objects.get(key) + " in the bucket)");
            }
        });
        assertThat(missing).as("version rows whose object is missing or of another size").isEmpty();
        assertThat(objects.keySet().stream().filter(key -> !versions.containsKey(key) && !staged.contains(key)).toList())
                .as("objects in the bucket that no row points at").isEmpty();
    }

    static Map<String, Long> bucket() {
        MinioClient s3 = MinioClient.builder().endpoint("http://127.0.0.1:9000")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).build();
        Map<String, Long> objects = new HashMap<>();
        try {
            for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket("documents").recursive(true).build())) {
                objects.put(item.get().objectName(), item.get().size());
            }
        } catch (Exception e) {
            throw new AssertionError("cannot list the bucket: " + e.getMessage(), e);
        }
        return objects;
    }

    private static Map<String, StoredVersion> documentsWithMarker(String marker) {
        Map<String, StoredVersion> found = new HashMap<>();
        try (Connection db = connect("document")) {
            query(db, """
                    select d.id, v.object_key, v.size, v.sha256 from document d
                    join document_version v on v.document_id = d.id and v.version = d.current_version
                    where d.title like ? and d.deleted_at is null""", List.of("%" + marker + "%"),
                    rows -> found.put(rows.getString(1), new StoredVersion(rows.getString(2), rows.getLong(3),
                            rows.getString(4))));
        } catch (SQLException e) {
            throw new AssertionError("document database: " + e.getMessage(), e);
        }
        return found;
    }

    /** id → {title, version}. */
    private static Map<String, String[]> roadmapsWithMarker(String marker) {
        Map<String, String[]> found = new HashMap<>();
        try (Connection db = connect("roadmap")) {
            query(db, "select id, title, version from roadmap where title like ?", List.of("%" + marker + "%"),
                    rows -> found.put(rows.getString(1), new String[] { rows.getString(2), rows.getString(3) }));
        } catch (SQLException e) {
            throw new AssertionError("roadmap database: " + e.getMessage(), e);
        }
        return found;
    }

    record Hits(List<String> ids, Map<String, String> titles) {
    }

    private static Hits searchIds(String token, String type, String marker) {
        Api.Answer answer = Api.get("/api/search?size=100&type=" + type + "&q=" + Api.encode(marker), token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json();
        List<String> ids = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        for (JsonNode hit : result.path("hits")) {
            ids.add(hit.path("id").asString());
            titles.put(hit.path("id").asString(), hit.path("title").asString());
        }
        assertThat(result.path("total").asLong()).as("total of " + type).isEqualTo(ids.size());
        return new Hits(ids, titles);
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(POSTGRES + database, database, database);
    }

    interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    static void query(Connection db, String sql, List<Object> params, Row row) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }
}
