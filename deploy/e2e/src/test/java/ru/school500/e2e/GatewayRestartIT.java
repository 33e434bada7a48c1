package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import ru.school500.stack.PlatformStack;

/**
 * Browser sessions live in Redis (Spring Session), not in the gateway's memory: a person signed in before
 * the gateway restarts is still signed in after it, with the same cookie, and the API calls still carry
 * their token (which the session holds too).
 */
@ExtendWith(RunningPlatform.class)
@ResourceLock(PlatformProcesses.LOCK)
class GatewayRestartIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;

    @Test
    void aSignedInBrowserStaysSignedInAcrossAGatewayRestart() throws Exception {
        LoopbackCookies cookies = new LoopbackCookies();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak shows its login form").isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=kir-operator&password=demo&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        String sessionBefore = sessionCookie(cookies);
        String comparison = GATEWAY + "/api/comparison?roadmap=" + UUID.randomUUID();
        int answerBefore = get(browser, comparison).statusCode();
        assertThat(answerBefore).as("search-service saw the operator's token").isNotIn(401, 403).isLessThan(500);

        PlatformStack stack = RunningPlatform.stack();
        stack.stopService("gateway");
        stack.startService("gateway");

        HttpResponse<String> session = get(browser, GATEWAY + "/session");
        assertThat(Http.json(session).get("username").asString()).isEqualTo("kir-operator");
        assertThat(get(browser, comparison).statusCode()).as("the token relayed from the stored session")
                .isEqualTo(answerBefore);
        assertThat(get(browser, GATEWAY + "/api/roadmaps").statusCode()).isEqualTo(200);
        assertThat(sessionCookie(cookies)).as("the same session, not a new one").isEqualTo(sessionBefore);
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(LoopbackCookies cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }
}
