package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** A chunked body (no Content-Length) is counted while it streams and cut off with a 413 problem at the limit. */
class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(
            new RequestLimitsProperties(DataSize.ofKilobytes(4), List.of("/api/documents/**")),
            new Problems(JsonMapper.builder().build()));

    /** Reads the whole body, as the proxy would while forwarding it. */
    private final WebFilterChain forwarding = exchange -> exchange.getRequest().getBody()
            .map(DataBuffer::readableByteCount).then();

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithA413Problem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/api/roadmaps/1")
                .body(chunks(8, 1024)));

        limit.filter(exchange, forwarding).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("Тело запроса больше допустимых 4096 байт");
    }

    @Test
    void aChunkedBodyWithinTheLimitAndUploadsOfAnySizePass() {
        for (MockServerHttpRequest request : List.of(MockServerHttpRequest.put("/api/roadmaps/1").body(chunks(3, 1024)),
                MockServerHttpRequest.post("/api/documents/1/versions").body(chunks(64, 1024)))) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request);

            limit.filter(exchange, forwarding).block();

            assertThat(exchange.getResponse().getStatusCode()).isNull();
        }
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("x".repeat(size).getBytes(StandardCharsets.US_ASCII)));
    }

}
