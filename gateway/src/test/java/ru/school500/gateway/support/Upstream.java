package ru.school500.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The service behind the gateway's routes in these tests: answers every request 200 with a small JSON body
 * and counts what reached it, so a test can tell what the gateway let through. {@link #holding()} plays a busy
 * service: each request waits (on its own thread) until {@link #release()}.
 */
public final class Upstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch released;

    public Upstream() {
        this(new CountDownLatch(0));
    }

    public static Upstream holding() {
        return new Upstream(new CountDownLatch(1));
    }

    private Upstream(CountDownLatch released) {
        this.released = released;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            byte[] body = "{\"hits\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int received() {
        return received.get();
    }

    /** Lets every held request (and every later one) answer. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
