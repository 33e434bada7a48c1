package ru.school500.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.school500.faults.MixedLoad.Kind;
import ru.school500.faults.MixedLoad.Outcome;
import ru.school500.stack.PlatformStack;
import ru.school500.stack.ServiceApp;

/**
 * Each scenario breaks one part of the two-instance platform while {@link MixedLoad} keeps searching, uploading and
 * editing, and ends with {@link Consistency#check}: every acknowledged write stored, PostgreSQL and S3 in
 * agreement, the search showing exactly what is stored, once. They share one stack and run in order; the last one
 * kills an instance of each service for good. Figures go to {@code target/faults-report.txt}.
 */
@ExtendWith(FaultStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

    private static final Mode MODE = Mode.current();
    /** The gateway's time limit is 2 s: a refusal must come about as fast. */
    private static final Duration QUICK = Duration.ofMillis(3000);
    /** S3 and database refusals: the connect timeouts (2 s for S3, 5 s for a pooled connection) plus margin. */
    private static final Duration PROMPT = Duration.ofMillis(8000);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private static final Users users = new Users();
    private static final Report report = new Report("faults-report.txt");
    /** A search-service instance killed by scenario 2 starts again while the next scenarios run. */
    private static CompletableFuture<Void> restarting = CompletableFuture.completedFuture(null);

    private static PlatformStack stack() {
        return FaultStack.stack();
    }

    @BeforeAll
    static void warmUp() {
        report.line("mode %s, started %s", MODE, Instant.now());
        // the first search creates the indices: not a fault
        Awaitility.await("every route answers").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.get("/api/search?q=" + Api.encode("школа"), null).status() == 200
                        && Api.get("/api/roadmaps?size=1", null).status() == 200
                        && Api.get("/api/documents?size=1", users.token(Users.SCHOOL)).status() == 200);
    }

    @AfterAll
    static void writeReport() {
        restarting.join();
        report.write();
    }

    @Test
    @Order(1)
    void elasticsearchKilledSearchAnswers503QuicklyAndIndexingCatchesUpWhenItIsBack() {
        Ledger ledger = new Ledger(marker());
        MixedLoad load = MixedLoad.start(users, ledger);
        Instant killed;
        Instant back;
        try {
            load.awaitSuccesses(Kind.UPLOAD, 3, Duration.ofSeconds(30));
            stack().elasticsearch().kill();
            killed = Instant.now();
            do {
                Instant asked = Instant.now();
                Api.Answer search = Api.get("/api/search?q=" + Api.encode("программа"), null);
                assertThat(search.status()).as(search.body()).isEqualTo(503);
                assertThat(Duration.between(asked, Instant.now())).isLessThan(QUICK);
                assertThat(search.header("Content-Type")).startsWith("application/problem+json");
                MixedLoad.pause(Duration.ofMillis(500));
            } while (Instant.now().isBefore(killed.plus(MODE.elasticsearchDown)));
            load.awaitSuccesses(Kind.UPLOAD, 2, Duration.ofSeconds(30));
            stack().elasticsearch().start();
            back = Instant.now();
            load.awaitSuccesses(Kind.SEARCH, 5, Duration.ofSeconds(60));
        } finally {
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        Duration caughtUp = Duration.between(back, Instant.now());
        assertQuick503Only(load, o -> o.kind() == Kind.SEARCH, QUICK);
        assertAllSucceeded(load, o -> o.kind() != Kind.SEARCH);
        report.line("1 Elasticsearch killed: down %d s; every one of %d uploads and %d roadmaps acknowledged meanwhile "
                + "found within %d s of its return; %s", Duration.between(killed, back).toSeconds(),
                ledger.uploads().size(), ledger.roadmaps().size(), caughtUp.toSeconds(), load.summary());
    }

    @Test
    @Order(2)
    void searchServiceKilledMidIndexingTheOtherInstanceResumesFromTheCursorWithNothingMissingOrTwice() {
        restarting.join();
        Ledger ledger = new Ledger(marker());
        MixedLoad load = MixedLoad.start(users, ledger);
        ServiceApp holder;
        ServiceApp survivor;
        long positionAtKill;
        long indexedBefore;
        Duration takeover;
        try {
            load.awaitSuccesses(Kind.UPLOAD, 4, Duration.ofSeconds(30));
            List<ServiceApp> instances = stack().instancesOf("search-service");
            holder = instances.stream().filter(app -> pulls(app, "document")).findFirst()
                    .orElseThrow(() -> new AssertionError("no instance pulls the document feed"));
            survivor = instances.stream().filter(app -> app != holder).findFirst().orElseThrow();
            indexedBefore = Feeds.of(survivor.url()).get("document").indexedChanges();
            positionAtKill = Feeds.of(holder.url()).get("document").position();
            stack().killService(holder.name());
            Instant killed = Instant.now();
            Awaitility.await("the survivor takes the document feed over").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> pulls(survivor, "document"));
            takeover = Duration.between(killed, Instant.now());
            load.awaitSuccesses(Kind.UPLOAD, 4, Duration.ofSeconds(30));
        } finally {
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        Feeds.Status after = Feeds.of(survivor.url()).get("document");
        long indexedByTheSurvivor = after.indexedChanges() - indexedBefore;
        assertThat(positionAtKill).as("the killed instance had indexed part of the feed").isPositive();
        assertThat(indexedByTheSurvivor).as("resumed from the stored cursor, not from the start of the feed")
                .isPositive().isLessThanOrEqualTo(after.position() - positionAtKill);
        assertAllSucceeded(load, o -> o.kind() != Kind.SEARCH);
        assertQuick503Only(load, o -> o.kind() == Kind.SEARCH, QUICK);
        report.line("2 search-service %s killed at document feed position %d: %s pulled the feed %d ms later, "
                + "indexed %d changes from the cursor up to %d; %d uploads found once each; %s", holder.name(),
                positionAtKill, survivor.name(), takeover.toMillis(), indexedByTheSurvivor, after.position(),
                ledger.uploads().size(), load.summary());
        restarting = CompletableFuture.runAsync(() -> stack().startService(holder.name()));
    }

    @Test
    @Order(3)
    void s3DownUploadsAre503WithNothingLeftBehindAndUploadsWorkAgainByThemselves() {
        Ledger ledger = new Ledger(marker());
        MixedLoad load = MixedLoad.start(users, ledger);
        Duration recovered;
        try {
            load.awaitSuccesses(Kind.UPLOAD, 3, Duration.ofSeconds(30));
            stack().s3().close();
            Instant down = Instant.now();
            Instant asked = Instant.now();
            Api.Answer refused = Api.upload(users.token(Users.SCHOOL), "Во время сбоя " + ledger.marker(), "s3.txt",
                    ("Текст " + ledger.marker()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(PROMPT);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("Хранилище");
            MixedLoad.pause(Duration.between(Instant.now(), down.plus(MODE.outage)));
            stack().s3().start();
            Instant back = Instant.now();
            load.awaitSuccesses(Kind.UPLOAD, 3, Duration.ofSeconds(30));
            recovered = Duration.between(back, Instant.now());
        } finally {
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        assertQuick503Only(load, o -> o.kind() == Kind.UPLOAD, PROMPT);
        assertThat(load.outcomes(o -> o.kind() == Kind.UPLOAD && o.status() == 503)).as("uploads refused meanwhile")
                .isNotEmpty();
        assertAllSucceeded(load, o -> o.kind() != Kind.UPLOAD);
        report.line("3 S3 down %d s: %d uploads refused with 503, none stored, no object without its row; uploads "
                + "accepted again %d ms after S3 was back; %s", MODE.outage.toSeconds(),
                load.outcomes(o -> o.kind() == Kind.UPLOAD && o.status() == 503).size(), recovered.toMillis(),
                load.summary());
    }

    @Test
    @Order(4)
    void postgresRestartedEveryServiceInstanceRecoversItsPoolByItself() {
        Ledger ledger = new Ledger(marker());
        MixedLoad load = MixedLoad.start(users, ledger);
        Duration recovered;
        try {
            load.awaitSuccesses(Kind.ROADMAP_EDIT, 3, Duration.ofSeconds(30));
            stack().postgres().close();
            Instant down = Instant.now();
            // each service itself answers 503 problem+json, promptly, while its database is away
            for (String path : List.of(instanceUrl("roadmap-service") + "/api/roadmaps",
                    instanceUrl("document-service") + "/api/documents")) {
                Instant asked = Instant.now();
                Api.Answer answer = Api.get(path, users.token(path.contains("roadmap") ? Users.OPERATOR : Users.SCHOOL));
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(503);
                assertThat(Duration.between(asked, Instant.now())).as(path).isLessThan(PROMPT);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
            MixedLoad.pause(Duration.between(Instant.now(), down.plus(MODE.outage)));
            stack().postgres().start();
            Instant back = Instant.now();
            Awaitility.await("every instance serves from its database again").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> everyInstanceAnswers());
            recovered = Duration.between(back, Instant.now());
            load.awaitSuccesses(Kind.UPLOAD, 2, Duration.ofSeconds(30));
            load.awaitSuccesses(Kind.ROADMAP_EDIT, 2, Duration.ofSeconds(30));
        } finally {
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        assertQuick503Only(load, o -> o.kind() != Kind.SEARCH && o.status() != 412, PROMPT);
        assertAllSucceeded(load, o -> o.kind() == Kind.SEARCH);
        report.line("4 PostgreSQL down %d s and started again: every instance served again %d ms later, no 5xx but "
                + "503; %s", MODE.outage.toSeconds(), recovered.toMillis(), load.summary());
    }

    @Test
    @Order(5)
    void keycloakDownValidTokensAndSessionsKeepWorkingNewLoginsGetARussianPageAndItRecovers() {
        Ledger ledger = new Ledger(marker());
        users.refreshAll();
        BrowserSession browser = BrowserSession.login(Users.OPERATOR);
        MixedLoad load = MixedLoad.start(users, ledger);
        Duration loginsBack;
        long keycloakPid = stack().keycloak().pid();
        try {
            load.awaitSuccesses(Kind.UPLOAD, 2, Duration.ofSeconds(30));
            if (MODE.keycloakRestart) {
                stack().keycloak().close();
            } else {
                signal("STOP", keycloakPid);
            }
            Instant down = Instant.now();

            HttpResponse<String> withSession = browser.getJson("/api/roadmaps?size=5");
            assertThat(withSession.statusCode()).as("a signed-in browser keeps working").isEqualTo(200);
            assertThat(browser.getJson("/session").body()).contains(Users.OPERATOR);

            // the gateway looks at Keycloak again at most every 2 s (a login let through before that hangs at Keycloak)
            HttpResponse<String> newLogin = Awaitility.await("a new login gets the platform's page")
                    .atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> new BrowserSession().get("/oauth2/authorization/keycloak"),
                            response -> response.statusCode() == 503);
            assertThat(newLogin.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(newLogin.body()).contains("Вход временно недоступен");
            HttpResponse<String> protectedPage = new BrowserSession().get("/documents");
            assertThat(protectedPage.statusCode()).as("a page that needs a login").isEqualTo(503);
            assertThat(protectedPage.body()).contains("Вход временно недоступен");

            MixedLoad.pause(Duration.between(Instant.now(), down.plus(MODE.outage)));
            load.awaitSuccesses(Kind.UPLOAD, 2, Duration.ofSeconds(30));
            if (MODE.keycloakRestart) {
                stack().keycloak().start();
            } else {
                signal("CONT", keycloakPid);
            }
            Instant back = Instant.now();
            BrowserSession again = Awaitility.await("logins work again").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> BrowserSession.login(Users.SCHOOL), session -> true);
            assertThat(again.getJson("/api/documents?size=5").statusCode()).isEqualTo(200);
            loginsBack = Duration.between(back, Instant.now());
            users.thaw();
        } finally {
            if (!MODE.keycloakRestart) {
                signal("CONT", keycloakPid);
            }
            users.thaw();
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        assertAllSucceeded(load, o -> true);
        report.line("5 Keycloak %s (%d s): tokens and the browser session kept working, a new login "
                + "got the Russian 503 page, logins worked %d ms after it was back; %s",
                MODE.keycloakRestart ? "stopped and started again" : "frozen (SIGSTOP)", MODE.outage.toSeconds(),
                loginsBack.toMillis(), load.summary());
    }

    @Test
    @Order(6)
    void afterIdlingTheFirstUseOfEveryKindSucceeds() {
        restarting.join();
        MixedLoad.pause(MODE.idle);
        Ledger ledger = new Ledger(marker());
        // one call of each kind, each on its own: no retry by the caller
        List<Api.Answer> answers = List.of(
                Api.get("/api/search?q=" + Api.encode("программа"), null),
                Api.get("/api/roadmaps?size=5", users.token(Users.OPERATOR)),
                Api.get("/api/documents?size=5", users.token(Users.SCHOOL)),
                Api.upload(users.token(Users.SCHOOL), "После простоя " + ledger.marker(), "idle.txt",
                        ("После простоя " + ledger.marker()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isBetween(200, 201));
        Api.Answer upload = answers.getLast();
        ledger.uploaded(new Ledger.Upload(upload.json().get("id").asString(), "После простоя " + ledger.marker(),
                ("После простоя " + ledger.marker()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                MixedLoad.sha256(("После простоя " + ledger.marker()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Api.Answer content = Api.get("/api/documents/" + upload.json().get("id").asString() + "/content",
                users.token(Users.SCHOOL));
        assertThat(content.status()).isEqualTo(200);
        Consistency.check(ledger, users, Duration.ofSeconds(15));
        KeepAlive.assertEveryPoolDropsIdleConnectionsBeforeItsServerDoes();
        report.line("7 idle %d s, then one call of each kind: all succeeded at once, the upload searchable; "
                + "keep-alive settings checked (%s)", MODE.idle.toSeconds(), KeepAlive.describe());
    }

    @Test
    @Order(7)
    void oneInstanceOfEachServiceKilledNoIdempotentRequestFailsAndTheFeedsResumeOnTheSurvivor() {
        restarting.join();
        Ledger ledger = new Ledger(marker());
        MixedLoad load = MixedLoad.start(users, ledger);
        Duration feedsResumed;
        ServiceApp searchSurvivor;
        try {
            load.awaitSuccesses(Kind.UPLOAD, 3, Duration.ofSeconds(30));
            List<ServiceApp> search = stack().instancesOf("search-service");
            ServiceApp searchVictim = search.stream().filter(app -> pulls(app, "document")).findFirst()
                    .orElse(search.getFirst());
            searchSurvivor = search.stream().filter(app -> app != searchVictim).findFirst().orElseThrow();
            stack().killService("roadmap-service");
            stack().killService("document-service");
            stack().killService(searchVictim.name());
            Instant killed = Instant.now();
            ServiceApp survivor = searchSurvivor;
            Awaitility.await("both feeds pulled by the surviving search-service").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> pulls(survivor, "document") && pulls(survivor, "roadmap"));
            feedsResumed = Duration.between(killed, Instant.now());
            load.awaitSuccesses(Kind.UPLOAD, 4, Duration.ofSeconds(30));
            load.awaitSuccesses(Kind.SEARCH, 10, Duration.ofSeconds(30));
        } finally {
            load.close();
        }
        Consistency.check(ledger, users, CATCH_UP);
        assertAllSucceeded(load, o -> o.kind().idempotent);
        assertQuick503Only(load, o -> !o.kind().idempotent && o.status() != 412, QUICK);
        assertThat(feedsResumed).isLessThan(Duration.ofSeconds(15));
        report.line("6 roadmap-service, document-service and the feed-holding search-service instance killed: no "
                + "failed idempotent request, %d uploads refused (not retried), every acknowledged one stored; "
                + "feeds resumed on %s after %d ms; %s",
                load.outcomes(o -> o.kind() == Kind.UPLOAD && !o.ok()).size(), searchSurvivor.name(),
                feedsResumed.toMillis(), load.summary());
    }

    // ---- helpers

    private static boolean pulls(ServiceApp search, String feed) {
        Feeds.Status status = Feeds.of(search.url()).get(feed);
        return status != null && status.pulling();
    }

    private static void signal(String name, long pid) {
        try {
            assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor()).isZero();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String instanceUrl(String module) {
        return stack().service(module).url();
    }

    private static boolean everyInstanceAnswers() {
        for (String module : List.of("roadmap-service", "document-service")) {
            for (ServiceApp app : stack().instancesOf(module)) {
                String path = module.startsWith("roadmap") ? "/api/roadmaps?size=1" : "/api/documents?size=1";
                String token = users.token(module.startsWith("roadmap") ? Users.OPERATOR : Users.SCHOOL);
                if (Api.get(app.url() + path, token).status() != 200) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String marker() {
        return "f" + Long.toString(System.nanoTime(), 36);
    }

    private static void assertAllSucceeded(MixedLoad load, Predicate<Outcome> which) {
        assertThat(load.outcomes(which.and(o -> !o.ok()))).as("failed calls").isEmpty();
    }

    /** Refusals are 503 problem answers and quick; nothing fails any other way. */
    private static void assertQuick503Only(MixedLoad load, Predicate<Outcome> which, Duration quick) {
        assertThat(load.outcomes(which.and(o -> !o.ok()).and(o -> o.status() != 503 || o.millis() > quick.toMillis())))
                .as("calls that failed otherwise than with a quick 503").isEmpty();
    }
}
