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
 * service: each request waits (on its own thread) until {@link #release()}; {@link #answering(int...)} one whose
 * answers have the given statuses in turn.
 */
public final class Upstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch released;
    private final int[] statuses;

    public Upstream() {
        this(new CountDownLatch(0), 200);
    }

    public static Upstream holding() {
        return new Upstream(new CountDownLatch(1), 200);
    }

    /** The n-th request is answered with the n-th status, every one after the last with the last. */
    public static Upstream answering(int... statuses) {
        return new Upstream(new CountDownLatch(0), statuses);
    }

    private Upstream(CountDownLatch released, int... statuses) {
        this.released = released;
        this.statuses = statuses.clone();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int n = received.getAndIncrement();
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
            int status = statuses[Math.min(n, statuses.length - 1)];
            byte[] body = (status == 200 ? "{\"hits\":[]}" : "{\"status\":" + status + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, body.length);
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
