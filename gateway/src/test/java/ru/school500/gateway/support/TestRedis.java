package ru.school500.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import ru.school500.stack.RedisServer;

/**
 * One real {@code redis-server} (Debian's, in memory, random port) per test JVM, started on first use and
 * stopped at JVM exit; every gateway context of the tests shares it, as gateway instances share one Redis.
 */
public final class TestRedis {

    private static RedisServer redis;

    private TestRedis() {
    }

    public static synchronized RedisServer get() {
        if (redis == null) {
            Path home = Path.of("target", "it-redis", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
            redis = new RedisServer(home.resolve("redis.log"), freePort(), home.resolve("data"), false);
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
        }
        return redis;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
