package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import tools.jackson.databind.JsonNode;

import ru.school500.stack.StackLayout;

/**
 * The three journeys in a real browser, as the demo users do them in the web UI. Each page state is saved as
 * screenshots at 1366 and 390 px and checked with axe-core (see {@link Browser#check}).
 */
@ExtendWith(RunningPlatform.class)
class WebUiJourneysIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static String irkutsk;
    private static String kirov;

    @BeforeAll
    static void approvedSeedRoadmaps() {
        irkutsk = approved("38", 2021, "irkutsk-2021-order-294.txt", "irk-operator", "irk-ministry");
        kirov = approved("43", 2022, "kirov-2022-order-324.txt", "kir-operator", "kir-ministry");
        // both roadmaps reach the search index through the change feed: wait until they can be compared
        ImportAndCompareIT.awaitComparison(Keycloak.token("fed-analyst"), irkutsk, kirov);
    }

    private static String approved(String region, int year, String fixture, String operator, String ministry) {
        JsonNode page = Http.json(Http.get(Browser.GATEWAY + "/api/roadmaps?status=APPROVED&region=" + region + "&year=" + year, null));
        for (JsonNode roadmap : page.path("content")) {
            return roadmap.path("id").asString();
        }
        return ImportAndCompareIT.importAndApprove(fixture, operator, ministry);
    }

    @Test
    void aSchoolUploadsFiftyMegabytesWithProgressItsCuratorCommentsAndAnotherRegionSeesNothing() throws Exception {
        String title = "Программа развития школы на 2023–2025 годы " + UUID.randomUUID().toString().substring(0, 8);
        Path file = programme(FIFTY_MB);
        String sha256 = sha256(file);
        String documentUrl;
        try (Browser school = Browser.loggedIn("kir-school1", "/documents")) {
            school.await(driver -> !driver.findElement(By.id("documents-status")).getText().equals("Загружаем…"));
            assertThat(school.header()).contains("Мария Слободская", "школа", "Кировская область");
            school.check("materials-empty");

            school.setFile(By.id("upload-file"), file);
            WebElement titleInput = school.find(By.id("upload-title"));
            titleInput.clear();
            titleInput.sendKeys(title);
            school.click(By.id("upload-submit"));
            List<String> progress = new ArrayList<>();
            school.await(Duration.ofMinutes(2), driver -> {
                String shown = driver.findElement(By.id("upload-progress-text")).getText();
                if (!shown.isBlank() && (progress.isEmpty() || !progress.getLast().equals(shown))) {
                    progress.add(shown);
                }
                return driver.findElement(By.id("upload-status")).getAttribute("class").contains("ok");
            });
            // the status may turn "ok" between the last reading of the text and the check: read it once more
            String finalText = school.text(By.id("upload-progress-text"));
            if (progress.isEmpty() || !progress.getLast().equals(finalText)) {
                progress.add(finalText);
            }
            assertThat(progress).as("bytes sent of the total and the speed while uploading")
                    .anyMatch(text -> text.matches("[1-9][0-9 ,]* (байт|КБ|МБ) из 50,0 МБ · .*/с.*"));
            assertThat(progress.getLast()).startsWith("50,0 МБ за ");
            assertThat(school.text(By.id("upload-status"))).contains(sha256);
            assertThat(school.text(By.id("documents-list"))).contains(title, sha256, "версия 1");
            school.check("materials-uploaded");

            // a second transfer, cancelled half-way, leaves nothing behind
            school.setFile(By.id("upload-file"), file);
            school.find(By.id("upload-title")).sendKeys(" (отменённая)");
            school.click(By.id("upload-submit"));
            school.await(Duration.ofSeconds(30), driver -> driver.findElement(By.id("upload-cancel")).isDisplayed());
            school.click(By.id("upload-cancel"));
            school.awaitText(By.id("upload-status"), "Загрузка отменена.");

            school.click(By.linkText(title));
            school.awaitText(By.cssSelector("#main h1"), title);
            documentUrl = school.driver.getCurrentUrl();
            assertThat(school.text(By.cssSelector(".props"))).contains(sha256, "50,0 МБ");
            school.check("material-page");
        }

        try (Browser curator = Browser.loggedIn("kir-curator", "/documents")) {
            curator.awaitText(By.id("documents-list"), title);
            assertThat(curator.text(By.id("documents-list"))).doesNotContain("(отменённая)");
            curator.check("school-materials");
            curator.click(By.linkText(title));
            curator.await(By.id("comment-text")).sendKeys("Добавьте в программу раздел о наставничестве для молодых педагогов.");
            curator.click(By.cssSelector("#comment-form button[type=submit]"));
            curator.awaitText(By.id("comments"), "раздел о наставничестве");
            assertThat(curator.text(By.id("comments"))).contains("куратор");
            curator.check("material-commented");
        }

        try (Browser otherRegion = Browser.loggedIn("irk-school1", "/documents")) {
            otherRegion.await(driver -> !driver.findElement(By.id("documents-status")).getText().equals("Загружаем…"));
            assertThat(otherRegion.text(By.id("main"))).doesNotContain(title);
            otherRegion.driver.get(documentUrl);
            otherRegion.awaitText(By.cssSelector("#main h1"), "Страница не найдена");
            otherRegion.check("foreign-material-404");

            assertThat(otherRegion.text(By.id("nav"))).contains("Материалы школы").doesNotContain("Сравнение", "Импорт");
            otherRegion.open("/comparison");
            assertThat(otherRegion.text(By.cssSelector("#main h1"))).isEqualTo("Доступ запрещён");
            otherRegion.check("comparison-403");
            otherRegion.driver.get(Browser.GATEWAY + "/no-such-page");
            otherRegion.awaitText(By.cssSelector("#main h1"), "Страница не найдена");
            otherRegion.awaitText(By.id("user"), "Олег Ангарский");
            assertThat(otherRegion.header()).contains("школа", "Иркутская область");
            otherRegion.check("unknown-page-404");
        }
    }

    @Test
    void aKirovSchoolSubmitsAPracticeTheOperatorPublishesItAndAnyoneFindsItByAnotherWordForm() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String title = "Школа молодого педагога: наставничество в сельской школе " + marker;
        String practiceUrl;
        try (Browser school = Browser.loggedIn("kir-school1", "/practices/new")) {
            school.awaitText(By.cssSelector("#main h1"), "Новая практика");
            school.find(By.id("practice-title")).sendKeys(title);
            school.find(By.id("practice-authors")).sendKeys("Слободская М. А., Киселёва Т. В.");
            school.find(By.id("practice-direction")).sendKeys("Наставничество");
            school.click(By.cssSelector("input[value=TEACHER_SHORTAGE]"));
            school.find(By.id("practice-description")).sendKeys("Каждому молодому учителю в первый год работы назначается "
                    + "наставник из числа опытных педагогов; пары наставничества встречаются еженедельно.");
            school.find(By.id("practice-results")).sendKeys("Все молодые педагоги остались работать в школе.");
            school.check("practice-form");
            school.click(By.id("practice-save"));
            school.awaitText(By.cssSelector("#main h1"), title);
            assertThat(school.text(By.id("main"))).contains("Черновик", "Слободская М. А.", "Дефицит педагогических кадров");
            practiceUrl = school.driver.getCurrentUrl();
            school.check("practice-draft");
            school.click(By.id("submit-practice"));
            school.awaitText(By.id("main"), "Практика подана на рассмотрение.");
            assertThat(school.text(By.id("main"))).contains("Подана на рассмотрение");
            school.check("practice-submitted");
        }

        try (Browser operator = Browser.loggedIn("kir-operator", "/practices")) {
            operator.awaitText(By.id("practices-list"), title);
            operator.check("practices-to-review");
            operator.click(By.linkText(title));
            operator.await(By.id("take-review")).click();
            operator.await(By.id("review-conclusion")).sendKeys("Практика применима в сельских школах региона.");
            operator.find(By.id("review-score")).sendKeys("87");
            operator.check("practice-in-review");
            operator.click(By.id("publish-practice"));
            operator.awaitText(By.id("main"), "Практика опубликована в реестре.");
            assertThat(operator.text(By.id("main"))).contains("Опубликована", "87 из 100");
            operator.check("practice-published");
        }

        try (Browser visitor = Browser.anonymous()) {
            // keyboard: the first Tab reaches the skip link, drawn with a visible focus ring; Enter moves to the content
            visitor.open("/registry");
            new Actions(visitor.driver).sendKeys(Keys.TAB).perform();
            assertThat(visitor.script("return document.activeElement.textContent")).isEqualTo("Перейти к содержанию");
            assertThat(visitor.script("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
            new Actions(visitor.driver).sendKeys(Keys.ENTER).perform();
            assertThat(visitor.script("return document.activeElement.id")).isEqualTo("main");

            // other forms of the title's words: «наставничеству», «сельских», «педагогов»
            String query = "наставничеству сельских педагогов " + marker;
            visitor.await(Duration.ofSeconds(20), driver -> {
                driver.get(Browser.GATEWAY + "/registry?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
                visitor.await(d -> !d.findElement(By.id("search-status")).getText().equals("Ищем…")
                        && !d.findElement(By.id("search-status")).getText().isBlank());
                return driver.findElement(By.id("search-hits")).getText().contains(title);
            });
            assertThat(visitor.find(By.id("q")).getAttribute("value")).isEqualTo(query);
            assertThat(visitor.header()).contains("Гость", "Войти");
            visitor.check("registry-found");
            visitor.click(By.linkText(title));
            visitor.awaitText(By.cssSelector("#main h1"), title);
            assertThat(visitor.driver.getCurrentUrl()).isEqualTo(practiceUrl);
            assertThat(visitor.text(By.id("main"))).contains("Опубликована", "Кировская область", "Наставничество");
            visitor.check("practice-public");
            visitor.driver.navigate().back();
            visitor.awaitText(By.id("search-hits"), title);
        }
    }

    @Test
    void theOperatorImportsAnOrderThroughTheWizardSeesItsWarningsAndTheMinistryApprovesIt() throws Exception {
        Path order = StackLayout.findRepoRoot().getParent().resolve("shared/fixtures/roadmaps/kirov-2022-order-324.txt");
        String roadmapUrl;
        try (Browser operator = Browser.loggedIn("kir-operator", "/roadmaps/import")) {
            operator.awaitText(By.cssSelector("#main h1"), "Импорт дорожной карты");
            operator.check("import-start");
            operator.setFile(By.id("import-file"), order);
            operator.click(By.id("import-preview-button"));
            operator.await(Duration.ofSeconds(60), driver -> driver.findElement(By.id("import-status")).getAttribute("class").contains("ok"));
            assertThat(operator.driver.findElements(By.cssSelector("#import-preview .warning"))).isNotEmpty();
            assertThat(operator.text(By.id("import-preview"))).contains("324", "Проверьте разбор");
            operator.check("import-preview");
            operator.click(By.id("import-save"));
            operator.await(Duration.ofSeconds(60), driver -> driver.getCurrentUrl().matches(".*/roadmaps/[0-9a-f-]{36}\\?imported=\\d+"));
            operator.awaitText(By.id("main"), "Черновик сохранён");
            assertThat(operator.text(By.id("main"))).contains("Черновик", "Кировская область");
            assertThat(operator.driver.findElements(By.id("approve-roadmap"))).as("only the ministry approves").isEmpty();
            roadmapUrl = operator.driver.getCurrentUrl().replaceAll("\\?.*", "");
            operator.check("import-draft");
        }
        try (Browser ministry = Browser.loggedIn("kir-ministry", roadmapUrl.substring(Browser.GATEWAY.length()))) {
            ministry.await(By.id("approve-roadmap")).click();
            ministry.awaitText(By.id("main"), "Дорожная карта утверждена.");
            assertThat(ministry.text(By.cssSelector("#main .badge"))).isEqualTo("Утверждена");
            ministry.check("roadmap-approved");
        }
        try (Browser municipal = Browser.loggedIn("kir-municipal", roadmapUrl.substring(Browser.GATEWAY.length()))) {
            WebElement firstItem = municipal.await(By.cssSelector("tr[data-item-id]"));
            firstItem.findElement(By.cssSelector("details summary")).click();
            firstItem.findElement(By.cssSelector(".progress-form select[name=status]")).sendKeys("Выполнено");
            firstItem.findElement(By.cssSelector(".progress-form input[name=comment]")).sendKeys("Распоряжение издано");
            municipal.check("progress-form");
            firstItem.findElement(By.cssSelector(".progress-form button[type=submit]")).click();
            municipal.awaitText(By.cssSelector("tr[data-item-id] td[data-label='Мониторинг'] ul.plain"), "Выполнено");
            municipal.check("progress-reported");
        }
    }

    @Test
    void theFederalAnalystComparesIrkutskAndKirovDrillsIntoACellAndDownloadsTheWorkbook() throws Exception {
        try (Browser analyst = Browser.loggedIn("fed-analyst", "/comparison")) {
            analyst.await(By.id("comparison-picker"));
            assertThat(analyst.header()).contains("Анна Федорова", "федеральный аналитик", "все регионы");
            analyst.awaitText(By.id("comparison-status"), "Отметьте хотя бы одну дорожную карту");
            analyst.check("comparison-start");
            analyst.click(By.cssSelector("#comparison-picker input[value='" + irkutsk + "']"));
            analyst.click(By.cssSelector("#comparison-picker input[value='" + kirov + "']"));
            analyst.click(By.id("compare"));
            analyst.await(Duration.ofSeconds(30), driver -> !driver.findElements(By.id("heatmap")).isEmpty()
                    || !driver.findElements(By.cssSelector("#comparison-status.error, .error-page")).isEmpty());
            assertThat(analyst.driver.findElements(By.id("heatmap"))).as(analyst.text(By.id("main"))).isNotEmpty();
            assertThat(analyst.driver.getCurrentUrl()).contains("roadmap=" + irkutsk, "roadmap=" + kirov);
            assertThat(analyst.text(By.id("comparison-result"))).contains("Оценка полноты", "Иркутская область 2021",
                    "Кировская область 2022", "Просрочено на конец периода каждой дорожной карты",
                    "Иркутская область 2021 (на 31.12.2021)", "Кировская область 2022 (на 31.12.2022)", "баллов из");
            analyst.await(driver -> !driver.findElements(By.cssSelector("#executors-chart")).isEmpty()
                    && (Boolean) analyst.script("return !!window.Chart && !!Chart.getChart(document.getElementById('executors-chart'))"));
            analyst.check("comparison");

            WebElement cell = analyst.find(By.cssSelector("#heatmap button.heat-cell[data-roadmap='" + irkutsk + "']"));
            cell.sendKeys(Keys.ENTER);
            analyst.awaitText(By.id("heatmap-detail"), "Пункт");
            assertThat(analyst.text(By.id("heatmap-detail"))).contains("Основание");
            assertThat(analyst.script("return document.activeElement.closest('#heatmap-detail') !== null")).isEqualTo(true);
            analyst.check("comparison-drilldown");

            // the link the page offers, fetched with the browser's own session (headless Chromium does not
            // reliably save downloads to disk, so the file is read over HTTP as the browser would get it)
            WebElement export = analyst.find(By.id("comparison-export"));
            assertThat(export.getAttribute("download")).isNotNull();
            String session = analyst.driver.manage().getCookieNamed("SESSION").getValue();
            java.net.http.HttpResponse<byte[]> workbook = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(export.getAttribute("href")))
                            .header("Cookie", "SESSION=" + session).timeout(Duration.ofSeconds(30)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(workbook.statusCode()).isEqualTo(200);
            assertThat(workbook.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
            try (InputStream in = new java.io.ByteArrayInputStream(workbook.body()); XSSFWorkbook xlsx = new XSSFWorkbook(in)) {
                assertThat(xlsx.getNumberOfSheets()).isGreaterThan(3);
            }
        }
    }

    /** A plain-text development programme of the given size (text, so the school's search can read it). */
    private static Path programme(long size) throws IOException {
        Path file = Path.of("target/uploads/programma-razvitiya.txt");
        Files.createDirectories(file.getParent());
        String paragraph = "Программа развития школы: повышение качества преподавания, наставничество, работа с родителями. ";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            int line = 0;
            while (written < size) {
                String text = (++line) + ". " + paragraph + "\n";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (written + bytes.length > size) {
                    text = "x".repeat((int) (size - written));
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                out.write(text);
                written += bytes.length;
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
