package ru.school500.searchservice.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import ru.school500.stack.ElasticsearchServer;
import ru.school500.stack.StackLayout;

/**
 * One real Elasticsearch 8.19 per test JVM, with Debian's hunspell ru_RU and the platform's analysis
 * plugin, on a free port (developers run the stack on 9200 at the same time), stopped at JVM exit.
 */
public final class TestServers {

    private static ElasticsearchServer server;

    private TestServers() {
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (server == null) {
            Path repo = StackLayout.findRepoRoot();
            Path home = repo.resolve("search-service/target/it-stack");
            StackLayout layout = StackLayout.forRepo(repo, home);
            server = new ElasticsearchServer(layout, freePortPair(), home.resolve("data-" + ProcessHandle.current().pid()))
                    .withAnalysisPlugin();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close()));
        }
        return server;
    }

    public static String elasticsearchUrl() {
        return elasticsearch().url();
    }

    /** A free port whose transport neighbour (port + 100) is free too. */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 20000 + (int) (Math.random() * 20000);
            if (free(port) && free(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for Elasticsearch");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
