package ru.school500.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and ChromeDriver; nothing is downloaded at run time. */
final class Chromium {

    private Chromium() {
    }

    static WebDriver start() throws Exception {
        return start(Files.createTempDirectory("chromium-downloads"));
    }

    /** A browser whose downloads land in {@code downloads} without asking. */
    static WebDriver start(Path downloads) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=ru",
                "--user-data-dir=" + Files.createTempDirectory("chromium-e2e"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                // Russian formats in native controls (the date picker shows 31.12.2022)
                .withEnvironment(java.util.Map.of("LANG", "ru_RU.UTF-8", "LANGUAGE", "ru")).build();
        return new ChromeDriver(service, options);
    }
}
