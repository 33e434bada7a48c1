package ru.school500.searchservice.indexing.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A paused feed logs again only when its failure changes kind, not on every retry. */
class FeedFailureKindsTest {

    @Test
    void theSameExceptionTypeWithAnotherDetailIsTheSameKind() {
        assertThat(FeedPoller.sameKind("ConnectException: Connection refused to 127.0.0.1:8081",
                "ConnectException: Connection refused to 127.0.0.1:8091")).isTrue();
    }

    @Test
    void anotherExceptionTypeIsANewKind() {
        assertThat(FeedPoller.sameKind("ConnectException: Connection refused",
                "ElasticsearchException: [es/bulk] failed: [cluster_block_exception]")).isFalse();
        assertThat(FeedPoller.sameKind("IllegalStateException", "IllegalStateException: feed answered 500")).isTrue();
    }
}
