package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser's single sign-on: the gateway sends the user to Keycloak and back with a session. */
@ExtendWith(RunningPlatform.class)
class BrowserLoginIT {

    private static final String GATEWAY = GatewayContractIT.GATEWAY;

    @Test
    void loginFormLeadsBackWithASessionThatCallsTheApi() throws Exception {
        LoopbackCookies cookies = new LoopbackCookies();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.uri().toString()).startsWith(Keycloak.REALM_URL + "/protocol/openid-connect/auth");
        assertThat(loginPage.uri().getQuery()).contains("code_challenge_method=S256");
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak shows its login form").isTrue();

        String form = "username=kir-operator&password=demo&credentialId=";
        HttpResponse<String> app = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(app.uri().toString()).isEqualTo(GATEWAY + "/");
        assertThat(app.body()).contains("Платформа 500+");

        HttpResponse<String> session = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/session")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Http.json(session).get("username").asString()).isEqualTo("kir-operator");
        assertThat(Http.json(session).get("roles").toString()).contains("ROLE_REGIONAL_OPERATOR");

        HttpResponse<String> roadmaps = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/roadmaps"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(roadmaps.statusCode()).as("the session cookie alone authorises the API call").isEqualTo(200);

        String xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> forgedWrite = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/roadmaps"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forgedWrite.statusCode()).as("a session write without the CSRF header").isEqualTo(403);

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(xsrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.uri().toString()).as("logout answered %d: %.300s", logout.statusCode(), logout.body())
                .isEqualTo(GATEWAY + "/registry");
        HttpResponse<String> afterLogout = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.uri().toString()).as("Keycloak's session ended too: the login form again")
                .startsWith(Keycloak.REALM_URL + "/protocol/openid-connect/auth");
    }

    @Test
    void aPersonLogsInWithChromiumAndSeesTheRoadmapsPage() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            driver.get(GATEWAY + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("kir-operator");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "Кирилл Вятский"));
            assertThat(driver.findElement(By.id("user")).getText()).contains("региональный оператор");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Дорожные карты регионов");
            wait.until(driver1 -> !driver1.findElement(By.id("roadmaps-status")).getText().equals("Загружаем…"));
            assertThat(driver.findElement(By.id("roadmaps-status")).getAttribute("class")).doesNotContain("error");
            Path shot = Path.of("target/screenshots/roadmaps-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
