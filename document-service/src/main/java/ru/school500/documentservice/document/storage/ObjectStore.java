package ru.school500.documentservice.document.storage;

import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.minio.AbortMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.ListMultipartUploadsResult;

/**
 * The bucket, through the MinIO SDK only. Keys are random ({@code documents/<uuid>}), never derived from
 * file names. Every S3 failure that is not "no such key" becomes {@link StorageUnavailableException}.
 */
@Component
public class ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);
    static final String PREFIX = "documents/";

    private final MinioClient client;
    private final MinioAsyncClient asyncClient;
    private final StorageProperties properties;

    ObjectStore(MinioClient client, MinioAsyncClient asyncClient, StorageProperties properties) {
        this.client = client;
        this.asyncClient = asyncClient;
        this.properties = properties;
    }

    public String bucket() {
        return properties.bucket();
    }

    static String newKey() {
        return PREFIX + UUID.randomUUID();
    }

    /** Streams a body of unknown length as a multipart upload, one part in memory at a time. */
    void put(String key, InputStream body, String contentType) throws Exception {
        client.putObject(PutObjectArgs.builder().bucket(properties.bucket()).object(key)
                .stream(body, null, properties.partSize().toBytes())
                .contentType(contentType)
                .build());
    }

    /** The object's bytes from {@code offset}, {@code length} of them (all when null). */
    public InputStream get(String key, long offset, Long length) {
        try {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(properties.bucket()).object(key);
            if (offset > 0) {
                args.offset(offset);
            }
            if (length != null) {
                if (offset == 0) {
                    args.offset(0L);
                }
                args.length(length);
            }
            return client.getObject(args.build());
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                throw new ObjectNotFoundException(key);
            }
            throw new StorageUnavailableException(e);
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(properties.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                return false;
            }
            throw new StorageUnavailableException(e);
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Removes the object; a missing object is not an error. */
    void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(properties.bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isNoSuchKey(e)) {
                throw new StorageUnavailableException(e);
            }
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Aborts unfinished multipart uploads of our prefix started before {@code before} (or of one key). */
    int abortIncompleteUploads(String keyOrPrefix, ZonedDateTime before) {
        int aborted = 0;
        try {
            List<ListMultipartUploadsResult.Upload> uploads = new ArrayList<>();
            String keyMarker = null;
            String uploadIdMarker = null;
            while (true) {
                ListMultipartUploadsArgs.Builder args = ListMultipartUploadsArgs.builder()
                        .bucket(properties.bucket()).prefix(keyOrPrefix).maxUploads(1000);
                if (keyMarker != null) {
                    args.keyMarker(keyMarker).uploadIdMarker(uploadIdMarker);
                }
                ListMultipartUploadsResult result = asyncClient.listMultipartUploads(args.build()).get().result();
                if (result.uploads() != null) {
                    uploads.addAll(result.uploads());
                }
                if (!result.isTruncated() || result.nextKeyMarker() == null) {
                    break;
                }
                keyMarker = result.nextKeyMarker();
                uploadIdMarker = result.nextUploadIdMarker();
            }
            for (ListMultipartUploadsResult.Upload upload : uploads) {
                if (before == null || upload.initiated() == null || upload.initiated().isBefore(before)) {
                    asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(properties.bucket())
                            .object(upload.objectName()).uploadId(upload.uploadId()).build()).get();
                    aborted++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CompletionException e) {
            log.warn("could not list or abort incomplete uploads under {}: {}", keyOrPrefix, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("could not list or abort incomplete uploads under {}: {}", keyOrPrefix, e.getMessage());
        }
        return aborted;
    }

    String prefix() {
        return PREFIX;
    }

    private static boolean isNoSuchKey(ErrorResponseException e) {
        String code = e.errorResponse() == null ? null : e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code)
                || (e.response() != null && e.response().code() == 404);
    }
}
