package ru.school500.documentservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.minio.StatObjectArgs;
import ru.school500.documentservice.support.TestServers;
import ru.school500.stack.S3Server;
import ru.school500.stack.ServiceApp;
import ru.school500.stack.StackLayout;

/**
 * The packaged service in its own JVM with {@code -Xmx256m} takes a 1 GiB upload, sent chunked with bytes
 * generated on the fly (no 1 GiB file anywhere), checked by SHA-256 and by the object's size in S3. The
 * token is a real RS256 JWT validated against a JWKS endpoint this test serves.
 */
class LargeUploadIT {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final String AUDIENCE = "school500-api";

    private static HttpServer jwks;
    private static RSAKey key;
    private static String issuer;
    private static ServiceApp service;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/test";

        Path repo = StackLayout.findRepoRoot();
        StackLayout layout = StackLayout.forRepo(repo, repo.resolve("document-service/target/it-stack"));
        service = new ServiceApp(layout, "document-service", TestServers.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", TestServers.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "PLATFORM_STORAGE_ENDPOINT", TestServers.s3().endpoint(),
                "PLATFORM_STORAGE_ACCESS_KEY", S3Server.ACCESS_KEY,
                "PLATFORM_STORAGE_SECRET_KEY", S3Server.SECRET_KEY,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                "PLATFORM_EXTRACTION_ENABLED", "false"), "256m");
        service.start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    private static String token() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(AUDIENCE).subject(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                .claim("preferred_username", "kir-school1")
                .claim("realm_access", Map.of("roles", List.of("school")))
                .claim("region", "43").claim("municipality", "43-01").claim("school", "43-01-001")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void oneGibibyteStreamsThroughAServiceWith256MiBOfHeap() throws Exception {
        String boundary = "----large" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSCHOOL_MATERIAL\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPORT\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nСканы отчёта\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Сканы.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        GeneratedFile file = new GeneratedFile(GIB);

        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/api/documents"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections
                        .enumeration(List.of(new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), file,
                                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(((Number) JsonPath.read(response.body(), "$.size")).longValue()).isEqualTo(GIB);
        assertThat((String) JsonPath.read(response.body(), "$.sha256")).isEqualTo(file.sha256());
        assertThat((String) JsonPath.read(response.body(), "$.fileName")).isEqualTo("Сканы.pdf");
        assertThat(service.isRunning()).isTrue();
        String id = JsonPath.read(response.body(), "$.id");
        String objectKey;
        try (var connection = java.sql.DriverManager.getConnection(TestServers.jdbcUrl(), "postgres", "postgres");
                var query = connection.prepareStatement(
                        "select object_key from document_version where document_id = ? and version = 1")) {
            query.setObject(1, UUID.fromString(id));
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                objectKey = rows.getString(1);
            }
        }
        assertThat(TestServers.s3Client().statObject(StatObjectArgs.builder().bucket(TestServers.BUCKET)
                .object(objectKey).build()).size()).isEqualTo(GIB);
    }

    /** {@code size} bytes starting with a PDF header, generated block by block and hashed as they are read. */
    static final class GeneratedFile extends InputStream {

        private final long size;
        private final byte[] block = new byte[1024 * 1024];
        private final MessageDigest sha256;
        private long position;
        private int offsetInBlock = block.length;
        private long blockNumber;

        GeneratedFile(long size) throws Exception {
            this.size = size;
            this.sha256 = MessageDigest.getInstance("SHA-256");
            new SplittableRandom(42).nextBytes(block);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            if (offsetInBlock == block.length) {
                nextBlock();
            }
            int n = (int) Math.min(Math.min(length, block.length - offsetInBlock), size - position);
            System.arraycopy(block, offsetInBlock, buffer, offset, n);
            sha256.update(block, offsetInBlock, n);
            offsetInBlock += n;
            position += n;
            return n;
        }

        private void nextBlock() {
            if (blockNumber == 0) {
                byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(magic, 0, block, 0, magic.length);
            } else {
                for (int i = 0; i < 8; i++) {
                    block[i] = (byte) (blockNumber >>> (8 * i));
                }
            }
            blockNumber++;
            offsetInBlock = 0;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
