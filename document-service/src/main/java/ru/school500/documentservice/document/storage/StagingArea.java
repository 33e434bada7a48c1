package ru.school500.documentservice.document.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage, commit, confirm. {@link #stage} records the intent ({@code staged_object} row, committed on its
 * own) and then streams the body to S3; the document transaction commits the version row and
 * {@link #confirmInCurrentTransaction removes the intent} atomically; when that transaction fails the caller
 * {@link #discard discards} the object. A crash in between leaves an intent row that
 * {@link StagingSweeper} turns into a deleted object. So no object without a row or an intent, and no
 * row without its object.
 */
@Service
public class StagingArea {

    private static final Logger log = LoggerFactory.getLogger(StagingArea.class);
    /** Bytes read before the upload starts, for type detection (and the whole of a signature file). */
    static final int HEAD_SIZE = 512 * 1024;

    private final ObjectStore store;
    private final ContentTypeDetector detector;
    private final StorageProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    StagingArea(ObjectStore store, ContentTypeDetector detector, StorageProperties properties, JdbcClient jdbc) {
        this.store = store;
        this.detector = detector;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    /**
     * Streams {@code body} to a new object while hashing and counting it; refuses it (nothing left
     * behind) when it is empty, over the size limit or of a type outside the allow-list.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StagedObject stage(InputStream body, String fileName) {
        DigestingInputStream counted = new DigestingInputStream(body, maxFileSize());
        byte[] head;
        try {
            head = counted.readNBytes(HEAD_SIZE);
        } catch (IOException e) {
            throw refused(counted.limitExceeded() ? UploadRejectedException.tooLarge(maxFileSize())
                    : UploadRejectedException.interrupted(), fileName, counted.count());
        }
        if (head.length == 0) {
            throw refused(UploadRejectedException.empty(), fileName, 0);
        }
        String contentType = detector.detect(head, fileName, head.length < HEAD_SIZE);
        if (!detector.isAllowed(contentType)) {
            throw refused(UploadRejectedException.unsupportedType(contentType), fileName, counted.count());
        }
        String key = ObjectStore.newKey();
        jdbc.sql("insert into staged_object (object_key, created_at) values (?, ?)")
                .params(key, java.sql.Timestamp.from(clock.instant())).update();
        try (InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), counted)) {
            store.put(key, all, contentType);
        } catch (Exception e) {
            cleanUpFailedUpload(key);
            if (counted.limitExceeded()) {
                throw refused(UploadRejectedException.tooLarge(maxFileSize()), fileName, counted.count());
            }
            if (counted.sourceFailed()) {
                throw refused(UploadRejectedException.interrupted(), fileName, counted.count());
            }
            log.warn("upload to S3 failed: {}", e.toString());
            throw new StorageUnavailableException(e);
        }
        return new StagedObject(key, fileName, counted.count(), counted.sha256Hex(), contentType);
    }

    /** Every refused upload leaves a line in the log: the security team's trace of hostile or broken files. */
    private static UploadRejectedException refused(UploadRejectedException refusal, String fileName, long bytesRead) {
        log.warn("upload refused ({} {}) after {} bytes, file name {}: {}", refusal.getStatusCode().value(),
                refusal.getBody().getTitle(), bytesRead, quoted(fileName), refusal.getBody().getDetail());
        return refusal;
    }

    /** The client's file name for the log: control and format characters escaped, so it cannot forge lines. */
    static String quoted(String fileName) {
        if (fileName == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder("\"");
        fileName.codePoints().limit(300).forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || c == '"' || c == '\\') {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /** Commit step: must run in the transaction that inserts the row pointing at the object. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmInCurrentTransaction(StagedObject staged) {
        int removed = jdbc.sql("delete from staged_object where object_key = ?").param(staged.key()).update();
        if (removed != 1) {
            throw new IllegalStateException("staged object " + staged.key() + " expired before commit");
        }
    }

    /** Compensation after a failed commit: removes the object, then the intent (left to the sweeper on failure). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void discard(StagedObject staged) {
        try {
            store.delete(staged.key());
            jdbc.sql("delete from staged_object where object_key = ?").param(staged.key()).update();
        } catch (RuntimeException e) {
            log.warn("could not discard staged object {} now, the sweeper will: {}", staged.key(), e.toString());
        }
    }

    private void cleanUpFailedUpload(String key) {
        try {
            store.abortIncompleteUploads(key, null);
            store.delete(key);
            jdbc.sql("delete from staged_object where object_key = ?").param(key).update();
        } catch (RuntimeException e) {
            log.warn("could not clean up failed upload {} now, the sweeper will: {}", key, e.toString());
        }
    }

    /** Sweeper step: intents older than the cutoff, with their objects and any unfinished uploads. */
    @Transactional
    public int sweep(Instant cutoff) {
        List<String> stale = jdbc.sql("""
                select object_key from staged_object where created_at < ?
                order by created_at limit 100 for update skip locked""")
                .param(java.sql.Timestamp.from(cutoff)).query(String.class).list();
        for (String key : stale) {
            store.abortIncompleteUploads(key, null);
            store.delete(key);
            jdbc.sql("delete from staged_object where object_key = ?").param(key).update();
        }
        store.abortIncompleteUploads(store.prefix(), ZonedDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        return stale.size();
    }
}
