package ru.school500.gateway.routing;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Netty cannot decode (a request line longer than {@code server.netty.max-initial-line-length}, headers
 * beyond {@code server.max-http-request-header-size}, a garbled request line) never reach Spring: Reactor Netty
 * answers them itself with an empty 414, 431 or 400. This handler sits right after the HTTP codec and answers
 * them first, as problem+json with a Russian detail, then closes the connection. A target with a broken
 * percent escape ({@code /api/x/%zz}) is answered here too: Spring's path parsing would fail on it with a 500.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    private final JsonMapper json;

    MalformedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "platform.malformedRequests", new Answer());
            }
        });
    }

    private final class Answer extends ChannelInboundHandlerAdapter {

        private boolean rejected;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request
                    && (request.decoderResult().isFailure() || !wellEncoded(request.uri()))) {
                rejected = true;
                HttpStatus status = request.decoderResult().isFailure() ? status(request.decoderResult().cause())
                        : HttpStatus.BAD_REQUEST;
                ReferenceCountUtil.release(message);
                context.writeAndFlush(problem(status)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (rejected && message instanceof HttpContent) {
                ReferenceCountUtil.release(message);
                return;
            }
            context.fireChannelRead(message);
        }

        private FullHttpResponse problem(HttpStatus status) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ErrorProblems.detail(status));
            problem.setTitle(ErrorProblems.title(status));
            byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }

    /** Every {@code %} of the request target starts an escape of two hex digits. */
    static boolean wellEncoded(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static HttpStatus status(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
