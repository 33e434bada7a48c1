package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.school500.roadmapservice.support.IntegrationTest;

/**
 * Requests that Tomcat or the security firewall reject before any controller runs still get problem+json in
 * Russian, sent byte for byte over a socket to the real embedded server (no client normalises them first).
 */
class ContainerErrorsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    static List<String> rejectedTargets() {
        return List.of("/api/roadmaps/%00", "/api/roadmaps/abc%00def/items", "/api/roadmaps/..%2F..%2Finternal%2Fchanges",
                "/api/roadmaps/%2e%2e/internal/changes", "/api/roadmaps/%zz", "/api/roadmaps;jsessionid=1",
                "/api/roadmaps?region=" + "4".repeat(20_000), "/api/unknown", "/nothing/here");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rejectedTargets")
    void aRequestRejectedBeforeAnyControllerIsAProblemInRussian(String target) throws IOException {
        String shown = target.length() > 80 ? target.substring(0, 80) + "…" : target;
        String response = send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        int headerEnd = response.indexOf("\r\n\r\n");
        String head = response.substring(0, headerEnd).toLowerCase(Locale.ROOT);
        String body = response.substring(headerEnd + 4);
        int status = Integer.parseInt(response.substring(9, 12));

        assertThat(status).as(shown + "\n" + response).isBetween(400, 499);
        assertThat(head).as(shown + "\n" + response).contains("content-type: application/problem+json");
        assertThat(body).as(shown).contains("\"status\":" + status).containsPattern("[а-яА-Я]");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // a chunked body: keep the JSON, drop the chunk sizes
            return raw.contains("transfer-encoding: chunked") || raw.contains("Transfer-Encoding: chunked")
                    ? raw.replaceAll("\r\n[0-9a-fA-F]+\r\n", "\r\n") : raw;
        }
    }
}
