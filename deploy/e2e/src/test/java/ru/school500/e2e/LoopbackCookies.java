package ru.school500.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that behaves like a browser on loopback: browsers treat http://127.0.0.1 as a secure
 * context and keep {@code Secure} cookies there (Keycloak sets its login-session cookies that way), while
 * {@link CookieManager} would drop them and the login form would fail with {@code cookie_not_found}.
 */
final class LoopbackCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!isLoopback(uri)) {
            jar.put(uri, responseHeaders);
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure\\b", "")).toList()
                : values));
        jar.put(uri, headers);
    }

    java.net.CookieStore getCookieStore() {
        return jar.getCookieStore();
    }

    private static boolean isLoopback(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    }
}
