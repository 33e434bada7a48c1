package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/** S3Proxy with its filesystem backend: an S3 endpoint for the MinIO SDK, with the buckets created at start. */
public final class S3Server implements Component {

    public static final String ACCESS_KEY = "platform";
    public static final String SECRET_KEY = "platform-secret";

    private final StackLayout layout;
    private final int port;
    private final Path dataDir;
    private final List<String> buckets;
    private ManagedProcess process;

    public S3Server(StackLayout layout, int port, Path dataDir, List<String> buckets) {
        this.layout = layout;
        this.port = port;
        this.dataDir = dataDir;
        this.buckets = buckets;
    }

    @Override
    public String name() {
        return "S3 (S3Proxy)";
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        Path jar = layout.distributions().resolve("s3proxy-4.1.0-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name() + ": missing " + jar + " (run ./mvnw -pl deploy/stack package)");
        }
        Path conf = dataDir.resolveSibling("s3proxy.conf");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=" + endpoint(),
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + dataDir,
                    ""));
        } catch (IOException e) {
            throw new StackException(name() + ": cannot write " + conf + ": " + e.getMessage(), e);
        }
        process = ManagedProcess.start(name(), List.of(layout.javaHome().resolve("bin/java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", conf.toString()), dataDir.getParent(), Map.of(),
                layout.log("s3proxy"));
        Health.awaitHttp(name(), process, endpoint() + "/", response -> response.statusCode() > 0,
                Duration.ofSeconds(60));
        createBuckets();
    }

    private void createBuckets() {
        MinioClient client = MinioClient.builder().endpoint(endpoint()).credentials(ACCESS_KEY, SECRET_KEY).build();
        for (String bucket : buckets) {
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
            } catch (Exception e) {
                throw new StackException(name() + ": cannot create bucket " + bucket + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }
}
