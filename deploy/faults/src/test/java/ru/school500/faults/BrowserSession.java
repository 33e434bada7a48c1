package ru.school500.faults;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen: follows redirects and keeps cookies the way a browser does on loopback (Keycloak's
 * {@code Secure} login cookies included), so the gateway's OIDC login can be gone through with plain HTTP.
 */
final class BrowserSession {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(3)).build();

    /** Logs in through Keycloak's form; fails unless it ends on the platform with a session. */
    static BrowserSession login(String username) {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> form = browser.get("/oauth2/authorization/keycloak");
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form (" + form.statusCode() + " at " + form.uri() + ")");
        }
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&credentialId=")));
        if (!back.uri().toString().startsWith(Api.GATEWAY)) {
            throw new IllegalStateException("login did not lead back to the platform: " + back.uri());
        }
        return browser;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(Api.GATEWAY + path)).header("Accept", "text/html,application/json"));
    }

    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(Api.GATEWAY + path)).header("Accept", "application/json"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("browser request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Keeps {@code Secure} cookies on http://127.0.0.1 as browsers do (a secure context), which CookieManager would drop. */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return jar.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure\\b", "")).toList()
                    : values));
            jar.put(uri, headers);
        }
    }
}
