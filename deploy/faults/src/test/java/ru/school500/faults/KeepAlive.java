package ru.school500.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import ru.school500.stack.StackLayout;

/**
 * The part of "idle, then used" that a short idle cannot show: a pooled connection must be dropped by the side
 * that reuses it before the other side closes it, or the first request after a long pause meets a closed
 * connection. Checked from the services' own configuration against the servers' idle timeouts.
 */
final class KeepAlive {

    /** Tomcat closes a keep-alive connection after its connection timeout, 60 s unless configured. */
    static final Duration TOMCAT_DEFAULT = Duration.ofSeconds(60);
    /** S3Proxy's Jetty closes idle connections after 30 s. */
    static final Duration S3PROXY_IDLE = Duration.ofSeconds(30);

    private KeepAlive() {
    }

    static void assertEveryPoolDropsIdleConnectionsBeforeItsServerDoes() {
        Duration gatewayPool = gatewayPoolIdle();
        for (String service : new String[] { "roadmap-service", "document-service", "search-service" }) {
            Duration serverSide = setting(service, "server.tomcat.keep-alive-timeout", TOMCAT_DEFAULT);
            assertThat(gatewayPool).as("gateway → %s: the gateway's pool max-idle-time against Tomcat's keep-alive",
                    service).isLessThan(serverSide);
        }
        Duration s3Pool = setting("document-service", "platform.storage.idle-connection-timeout", null);
        assertThat(s3Pool).as("document-service → S3: idle-connection-timeout").isNotNull().isLessThan(S3PROXY_IDLE);
        Duration postgresIdle = postgresIdleSessionTimeout();
        for (String service : new String[] { "roadmap-service", "document-service" }) {
            Duration lifetime = setting(service, "spring.datasource.hikari.max-lifetime", Duration.ofMinutes(30));
            if (!postgresIdle.isZero()) {
                assertThat(lifetime).as(service + " → PostgreSQL: Hikari max-lifetime against idle_session_timeout")
                        .isLessThan(postgresIdle);
            }
        }
    }

    static String describe() {
        return "gateway pool idle " + gatewayPoolIdle().toSeconds() + " s < Tomcat keep-alive; S3 pool idle "
                + setting("document-service", "platform.storage.idle-connection-timeout", null).toSeconds()
                + " s < S3Proxy " + S3PROXY_IDLE.toSeconds() + " s; PostgreSQL idle_session_timeout "
                + (postgresIdleSessionTimeout().isZero() ? "off" : postgresIdleSessionTimeout().toSeconds() + " s");
    }

    private static Duration gatewayPoolIdle() {
        Duration idle = setting("gateway", "spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time", null);
        assertThat(idle).as("the gateway's pool max-idle-time is set (Reactor Netty keeps idle connections forever)")
                .isNotNull();
        return idle;
    }

    private static Duration postgresIdleSessionTimeout() {
        try (Connection db = Consistency.connect("roadmap"); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select setting from pg_settings where name = 'idle_session_timeout'")) {
            return row.next() ? Duration.ofMillis(Long.parseLong(row.getString(1))) : Duration.ZERO;
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot read PostgreSQL's idle_session_timeout: " + e.getMessage(), e);
        }
    }

    /** A duration from a module's {@code application.yml} (dotted path, nested maps), or the default. */
    static Duration setting(String module, String dottedPath, Duration fallback) {
        Path yml = StackLayout.findRepoRoot().resolve(module).resolve("src/main/resources/application.yml");
        Object node;
        try (InputStream in = Files.newInputStream(yml)) {
            node = new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + yml + ": " + e.getMessage(), e);
        }
        String[] keys = dottedPath.split("\\.");
        for (int i = 0; i < keys.length && node != null; i++) {
            node = node instanceof Map<?, ?> map ? find(map, keys, i) : null;
            if (node instanceof Found found) {
                i = found.lastIndex();
                node = found.value();
            }
        }
        if (node == null) {
            return fallback;
        }
        return node instanceof Number millis ? Duration.ofMillis(millis.longValue()) : parse(node.toString().strip());
    }

    /** Spring's simple duration form: {@code 500ms}, {@code 20s}, {@code 10m}, {@code 1h}, or milliseconds. */
    static Duration parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMillis(n);
        };
    }

    private record Found(Object value, int lastIndex) {
    }

    /** A key may itself contain dots in YAML ({@code max-idle-time} under {@code pool}, or {@code pool.max-idle-time}). */
    private static Object find(Map<?, ?> map, String[] keys, int from) {
        for (int to = keys.length; to > from; to--) {
            String key = String.join(".", java.util.Arrays.copyOfRange(keys, from, to));
            if (map.containsKey(key)) {
                return new Found(map.get(key), to - 1);
            }
        }
        return null;
    }
}
