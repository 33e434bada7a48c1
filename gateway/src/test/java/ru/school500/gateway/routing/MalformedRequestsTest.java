package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

class MalformedRequestsTest {

    @Test
    void aTargetIsWellEncodedWhenEveryPercentStartsTwoHexDigits() {
        assertThat(MalformedRequests.wellEncoded("/api/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0&x=%2f")).isTrue();
        assertThat(MalformedRequests.wellEncoded("/api/roadmaps")).isTrue();
        assertThat(MalformedRequests.wellEncoded("/api/roadmaps/%zz")).isFalse();
        assertThat(MalformedRequests.wellEncoded("/api/roadmaps/%4")).isFalse();
        assertThat(MalformedRequests.wellEncoded("/api/roadmaps?q=100%")).isFalse();
    }

    @Test
    void decoderFailuresMapToTheStatusesReactorNettyWouldAnswer() {
        assertThat(MalformedRequests.status(new TooLongHttpLineException("line"))).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(MalformedRequests.status(new TooLongHttpHeaderException("headers")))
                .isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(MalformedRequests.status(new IllegalArgumentException("garbled"))).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
