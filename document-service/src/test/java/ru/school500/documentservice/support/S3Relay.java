package ru.school500.documentservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of S3 that can drop its idle connections on demand, as S3 and its load balancers do
 * with keep-alive connections idle for about a minute: the test reproduces that moment without waiting
 * for it. The close is silent; the client only notices when it reuses the pooled connection.
 */
public final class S3Relay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean running = true;

    public S3Relay(InetSocketAddress upstream) {
        this.upstream = upstream;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofVirtual().name("s3-relay-accept").start(this::accept);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections this relay has dropped ({@link #dropIdleConnections}). */
    public int dropped() {
        return dropped.get();
    }

    /** Closes every connection that owes no answer, as S3 does after its idle timeout; answers how many. */
    public int dropIdleConnections() {
        int count = 0;
        for (Relay relay : relays) {
            if (!relay.awaitingResponse && relays.remove(relay)) {
                relay.close();
                count++;
            }
        }
        dropped.addAndGet(count);
        return count;
    }

    /** Connections open now. */
    public int open() {
        return relays.size();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(upstream.getAddress(), upstream.getPort());
                Relay relay = new Relay(client, target);
                relays.add(relay);
                Thread.ofVirtual().start(() -> relay.pump(client, target));
                Thread.ofVirtual().start(() -> relay.pump(target, client));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        relays.forEach(Relay::close);
        acceptor.interrupt();
    }

    private final class Relay {
        final Socket client;
        final Socket target;
        final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        /** The client sent bytes S3 has not answered yet: S3 does not drop a connection it owes a response. */
        volatile boolean awaitingResponse;

        Relay(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lastActivity.set(System.nanoTime());
                    awaitingResponse = from == client;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side or the reaper closed the connection
            } finally {
                close();
                relays.remove(this);
            }
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                target.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
