package ru.school500.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Polls a component until it answers as ready, failing fast when its process dies. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    static void awaitHttp(String component, ManagedProcess process, String url, Predicate<HttpResponse<String>> ready,
            Duration timeout) {
        timeout = withPatience(timeout);
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new StackException(component + " exited while starting. Last lines of " + process.log() + ":\n"
                        + process.logTail(30));
            }
            try {
                HttpResponse<String> response = get(url);
                if (ready.test(response)) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (Exception e) {
                last = e.getClass().getSimpleName();
            }
            sleep(Duration.ofMillis(500));
        }
        String tail = process == null ? "" : " Last lines of " + process.log() + ":\n" + process.logTail(30);
        throw new StackException(component + " was not ready at " + url + " within " + timeout.toSeconds() + " s ("
                + last + ")." + tail);
    }

    /**
     * Start time limits times {@code -Dplatform.stack.start-patience} (default 1): the fault tests start components
     * again while the rest of the platform is under load, on machines whose cores are shared.
     */
    static Duration withPatience(Duration timeout) {
        double factor = Double.parseDouble(System.getProperty("platform.stack.start-patience", "1"));
        return Duration.ofMillis((long) (timeout.toMillis() * Math.max(1, factor)));
    }

    static HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting");
        }
    }
}
