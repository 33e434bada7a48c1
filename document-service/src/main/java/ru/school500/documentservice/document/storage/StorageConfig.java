package ru.school500.documentservice.document.storage;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/** The MinIO SDK clients, with short connect timeouts and no retries: S3 down must answer 503 quickly. */
@Configuration
@EnableScheduling
class StorageConfig {

    @Bean
    OkHttpClient storageHttpClient(StorageProperties properties) {
        return new OkHttpClient.Builder()
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
