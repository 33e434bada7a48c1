package ru.school500.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code redis-server} on 127.0.0.1: the gateway's browser sessions and rate-limit buckets. With
 * {@code persistent} it keeps an append-only file in its data directory, so sessions survive a restart of
 * the stack; tests run it in memory only.
 */
public final class RedisServer implements Component {

    private static final List<Path> EXECUTABLES = List.of(Path.of("/usr/bin/redis-server"),
            Path.of("/usr/local/bin/redis-server"));

    private final Path logFile;
    private final int port;
    private final Path dataDir;
    private final boolean persistent;
    private ManagedProcess process;

    public RedisServer(Path logFile, int port, Path dataDir, boolean persistent) {
        this.logFile = logFile;
        this.port = port;
        this.dataDir = dataDir;
        this.persistent = persistent;
    }

    @Override
    public String name() {
        return "Redis";
    }

    public int port() {
        return port;
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        Path executable = EXECUTABLES.stream().filter(Files::isExecutable).findFirst().orElseThrow(
                () -> new StackException(name() + ": redis-server is not installed (source deploy/local/prerequisites,"
                        + " or apt-get install redis-server)"));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StackException(name() + ": cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "--dir", dataDir.toString(), "--daemonize", "no",
                "--protected-mode", "yes", "--save", ""));
        command.addAll(persistent ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
                : List.of("--appendonly", "no"));
        process = ManagedProcess.start(name(), command, dataDir, Map.of(), logFile);
        awaitPong(Duration.ofSeconds(30));
    }

    private void awaitPong(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name() + " exited while starting. Last lines of " + process.log() + ":\n"
                        + process.logTail(30));
            }
            try {
                if (ping()) {
                    return;
                }
                last = "no PONG";
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Health.sleep(Duration.ofMillis(200));
        }
        throw new StackException(name() + " did not answer PING on 127.0.0.1:" + port + " within "
                + timeout.toSeconds() + " s (" + last + "). Last lines of " + process.log() + ":\n"
                + process.logTail(30));
    }

    /** Sends Redis's inline {@code PING} and expects {@code +PONG}. */
    public boolean ping() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }
}
