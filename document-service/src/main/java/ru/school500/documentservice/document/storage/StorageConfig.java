package ru.school500.documentservice.document.storage;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The MinIO SDK clients, with short connect timeouts and no SDK retries (S3 down must answer 503 quickly).
 * Pooled connections are dropped after {@code idle-connection-timeout}, before S3 drops them, and a read
 * that still meets a dead one is retried once ({@link StaleConnectionRetry}).
 */
@Configuration
@EnableScheduling
class StorageConfig {

    private static final int MAX_IDLE_CONNECTIONS = 16;

    @Bean
    OkHttpClient storageHttpClient(StorageProperties properties) {
        ConnectionPool pool = new ConnectionPool(MAX_IDLE_CONNECTIONS, properties.idleConnectionTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return new OkHttpClient.Builder()
                .connectionPool(pool)
                .addInterceptor(new StaleConnectionRetry(pool))
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.writeTimeout())
                .retryOnConnectionFailure(false)
                .build();
    }

    @Bean(destroyMethod = "close")
    MinioClient minioClient(StorageProperties properties, OkHttpClient storageHttpClient) {
        MinioClient client = MinioClient.builder()
                .endpoint(properties.endpoint())
                .region(properties.region() == null || properties.region().isBlank() ? "us-east-1"
                        : properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(storageHttpClient)
                .build();
        client.setRetry(Set.of(), 0L, 0);
        return client;
    }

    /** The asynchronous client exposes the multipart-upload listing the sweeper needs. */
    @Bean(destroyMethod = "close")
    MinioAsyncClient minioAsyncClient(StorageProperties properties, OkHttpClient storageHttpClient) {
        return MinioAsyncClient.builder()
                .endpoint(properties.endpoint())
                .region(properties.region() == null || properties.region().isBlank() ? "us-east-1"
                        : properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(storageHttpClient)
                .build();
    }
}
