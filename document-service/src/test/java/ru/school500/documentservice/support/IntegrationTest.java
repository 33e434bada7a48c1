package ru.school500.documentservice.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import ru.school500.documentservice.signature.TestPki;
import ru.school500.stack.S3Server;

/**
 * Base of the integration tests: the whole service against real PostgreSQL and S3Proxy, one Spring context
 * shared by every subclass. Requests go through MockMvc with Keycloak-shaped tokens ({@code Users}).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    /** Small in tests so the 413 cases stay fast; the forked-JVM test runs with the 1 GiB default. */
    public static final long MAX_FILE_SIZE = 8 * 1024 * 1024;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        register(registry, () -> TestServers.s3().endpoint());
    }

    /** The test servers' coordinates and the test limits, with the S3 endpoint given. */
    public static void register(DynamicPropertyRegistry registry, java.util.function.Supplier<Object> s3Endpoint) {
        registry.add("spring.datasource.url", TestServers::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("platform.storage.endpoint", s3Endpoint);
        registry.add("platform.storage.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("platform.storage.secret-key", () -> S3Server.SECRET_KEY);
        registry.add("platform.storage.max-file-size", () -> MAX_FILE_SIZE + "B");
        registry.add("platform.storage.part-size", () -> "5MB");
        registry.add("platform.extraction.poll-interval", () -> "200ms");
        registry.add("platform.extraction.timeout", () -> "20s");
        registry.add("platform.signature.trust-anchors", () -> TestPki.trustStoreFile().toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:1/realms/test");
    }

    protected MinioClient s3() {
        return TestServers.s3Client();
    }

    protected List<String> bucketKeys() {
        List<String> keys = new ArrayList<>();
        for (Result<Item> result : s3().listObjects(ListObjectsArgs.builder().bucket(TestServers.BUCKET)
                .recursive(true).build())) {
            try {
                keys.add(result.get().objectName());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** A snapshot of everything an upload could leave behind: objects, rows, intents. */
    protected record Leftovers(List<String> objects, long documents, long versions, long staged, long outbox) {
    }

    protected Leftovers leftovers() {
        return new Leftovers(bucketKeys(), count("document"), count("document_version"), count("staged_object"),
                count("outbox"));
    }
}
