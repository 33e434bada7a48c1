package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.school500.stack.StackLayout;

/**
 * Issue 11 at the running platform: every error the gateway, roadmap-service and search-service answer is
 * problem+json in Russian, even for requests no controller sees (sent byte for byte over a socket, so no client
 * normalises them); the web pages carry a Content-Security-Policy without inline scripts. (The cookies of a gateway
 * configured for TLS: {@link SecureCookiesIT}.)
 */
@ExtendWith(RunningPlatform.class)
class ErrorShapeAndBrowserPolicyIT {

    private static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "roadmap-service", 8081,
            "search-service", 8083);
    private static final List<String> REJECTED = List.of("/api/roadmaps/%00", "/api/roadmaps/abc%00/items",
            "/api/roadmaps/..%2F..%2Finternal%2Fchanges", "/api/search/%2e%2e/%2e%2e/internal/changes",
            "/api/roadmaps/%zz", "/api/roadmaps?region=" + "4".repeat(20_000), "/api/no-such-service",
            "/api/no-such-service/deeper?x=1");

    @Test
    void everyErrorAtTheGatewayAndTheServicesIsAProblemInRussianWhateverTheRequest() {
        String analyst = Keycloak.token("fed-analyst");
        List<String> wrong = new ArrayList<>();
        for (var port : PORTS.entrySet()) {
            for (String target : REJECTED) {
                for (String token : new String[] { null, analyst }) {
                    Raw response = Raw.get(port.getValue(), target, token);
                    if (!response.isRussianProblem()) {
                        wrong.add(port.getKey() + " " + abbreviate(target) + (token == null ? "" : " (token)") + " → "
                                + response.summary());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theGatewaysUnroutedApiPathIsA404ProblemForASignedInCaller() {
        Raw response = Raw.get(8080, "/api/no-such-service", Keycloak.token("fed-analyst"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isRussianProblem()).as(response.summary()).isTrue();
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatAllowsScriptsOnlyFromFiles() throws IOException {
        for (String page : List.of("/registry", "/", "/swagger-ui.html", "/api/roadmaps")) {
            HttpResponse<String> response = Http.get(GatewayContractIT.GATEWAY + page, null);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(page).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
            String scripts = directive(policy, "script-src");
            assertThat(scripts).as(page).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        }
        // the pages themselves must work under it: no inline script, no inline event handler, no javascript: URL
        Path statics = StackLayout.findRepoRoot().resolve("gateway/src/main/resources/static");
        try (Stream<Path> files = Files.walk(statics)) {
            for (Path html : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                String text = Files.readString(html);
                Matcher script = Pattern.compile("<script\\b([^>]*)>").matcher(text);
                while (script.find()) {
                    assertThat(script.group(1)).as(html + ": inline script").contains("src=");
                }
                assertThat(text).as(html.toString()).doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
                        .doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            if (part.strip().startsWith(name + " ")) {
                return part.strip();
            }
        }
        return "";
    }

    private static String abbreviate(String target) {
        return target.length() > 70 ? target.substring(0, 70) + "…" : target;
    }

    /** A response read off the socket: status line, headers, body. */
    record Raw(int status, String head, String body) {

        static Raw get(int port, String target, String bearer) {
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "Connection: close\r\n\r\n";
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int end = raw.indexOf("\r\n\r\n");
                String head = end < 0 ? raw : raw.substring(0, end);
                String body = end < 0 ? "" : raw.substring(end + 4);
                if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                    body = body.replaceAll("(?m)^[0-9a-fA-F]+\r\n", "").replace("\r\n", "");
                }
                int status = raw.length() >= 12 ? Integer.parseInt(raw.substring(9, 12)) : -1;
                return new Raw(status, head, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isRussianProblem() {
            return status >= 400 && status < 500
                    && head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json")
                    && body.contains("\"status\":" + status) && body.matches("(?s).*\"detail\":\"[^\"]*[а-яА-ЯёЁ].*");
        }

        List<String> cookies() {
            List<String> cookies = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie:")) {
                    cookies.add(line.substring("set-cookie:".length()).strip());
                }
            }
            return cookies;
        }

        String summary() {
            return status + " " + head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type"))
                    .findFirst().orElse("(no content type)") + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }
}
