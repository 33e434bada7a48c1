package ru.school500.documentservice.document.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.minio.PutObjectArgs;
import ru.school500.documentservice.support.IntegrationTest;
import ru.school500.documentservice.support.TestServers;

/** A crash between stage and commit leaves an intent row and an object: the sweeper removes both. */
class StagingSweeperIT extends IntegrationTest {

    @Autowired
    private StagingArea staging;

    @Test
    void staleStagedObjectsAreRemovedAndFreshOnesKept() throws Exception {
        String stale = ObjectStore.newKey();
        String fresh = ObjectStore.newKey();
        for (String key : new String[] { stale, fresh }) {
            s3().putObject(PutObjectArgs.builder().bucket(TestServers.BUCKET).object(key)
                    .stream(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3L, null).build());
        }
        jdbc.sql("insert into staged_object (object_key, created_at) values (?, ?), (?, ?)")
                .params(stale, Timestamp.from(Instant.now().minus(Duration.ofHours(2))), fresh,
                        Timestamp.from(Instant.now()))
                .update();

        staging.sweep(Instant.now().minus(Duration.ofHours(1)));

        assertThat(bucketKeys()).doesNotContain(stale).contains(fresh);
        assertThat(jdbc.sql("select object_key from staged_object").query(String.class).list())
                .doesNotContain(stale).contains(fresh);
        staging.sweep(Instant.now().plusSeconds(1));
        assertThat(bucketKeys()).doesNotContain(fresh);
    }
}
