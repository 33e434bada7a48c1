package ru.school500.gateway.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body above {@code platform.request-limits.max-body-size} with 413 problem+json, except on
 * the upload paths. A declared {@code Content-Length} is judged before anything is read — and before
 * authentication, so an anonymous client cannot make the gateway read a huge body; a chunked body is counted
 * as it streams and cut off at the limit.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);
    static final String DETAIL = "Тело запроса больше допустимых %s. Файлы загружайте через /api/documents.";

    private final long maxBodySize;
    private final String detail;
    private final List<PathPattern> uploadPaths;
    private final Problems problems;

    RequestBodyLimit(RequestLimitsProperties limits, Problems problems) {
        this.maxBodySize = limits.maxBodySize().toBytes();
        this.detail = DETAIL.formatted(readable(limits.maxBodySize().toBytes()));
        this.uploadPaths = limits.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // before Spring Security's WebFilterChainProxy (-100)
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (isUpload(request)) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBodySize) {
            log.info("request body of {} bytes refused: {} {}", declared, request.getMethod(), request.getPath());
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorProblems.title(HttpStatus.CONTENT_TOO_LARGE),
                    detail);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBodySize) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(ResponseStatusException.class, e -> e.getStatusCode() == HttpStatus.CONTENT_TOO_LARGE
                        ? problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                                ErrorProblems.title(HttpStatus.CONTENT_TOO_LARGE), detail)
                        : Mono.error(e));
    }

    private boolean isUpload(ServerHttpRequest request) {
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " МБ" : bytes + " байт";
    }
}
