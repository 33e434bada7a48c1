package ru.school500.documentservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.minio.MinioClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.school500.stack.S3Server;
import ru.school500.stack.StackLayout;

/**
 * One real PostgreSQL (embedded binaries, random port) and one real S3Proxy (random port) per test JVM,
 * started on first use and stopped at JVM exit. Other developers run the stack on the standard ports at
 * the same time, so nothing here uses them.
 */
public final class TestServers {

    public static final String BUCKET = "documents";

    private static EmbeddedPostgres postgres;
    private static S3Server s3;

    private TestServers() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // JVM is exiting
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    public static synchronized S3Server s3() {
        if (s3 == null) {
            Path repo = StackLayout.findRepoRoot();
            Path home = repo.resolve("document-service/target/it-stack");
            StackLayout layout = StackLayout.forRepo(repo, home);
            Path data = home.resolve("s3-" + ProcessHandle.current().pid()).resolve("data");
            try {
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s3 = new S3Server(layout, freePort(), data, List.of(BUCKET));
            s3.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
        }
        return s3;
    }

    public static MinioClient s3Client() {
        return MinioClient.builder().endpoint(s3().endpoint()).credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)
                .build();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
