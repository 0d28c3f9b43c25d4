package io.retrobridge.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.testsupport.EffectivenessSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard in a real headless Chromium against the running application: signing in through the form, the
 * charts drawn from seeded deployments and follow-ups (read back through ECharts' own API), a filter, a
 * drill-down, signing out, and a wrong key. Needs Debian's chromium and chromium-driver (.ci/run installs them);
 * without them the test fails under CI and is skipped elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=team-lead",
        "retrobridge.security.api-keys[0].key=" + DashboardBrowserTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DashboardBrowserTest {

    static final String VIEWER_KEY = "view-Db7hK2mQ9wE4rT1y";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 3, 1);
    private static final LocalDate FAR_AHEAD = LocalDate.of(2099, 3, 1);
    private static final String GATEWAY = "PRB0040001 Payment gateway upgrade";
    private static final String OUTAGE = "PRB0040002 Checkout outage";

    private static final List<String> DELIVERY_PANELS = List.of("deployment-frequency", "lead-time",
            "change-fail-rate", "recovery-time", "rework-rate");
    private static final List<String> EFFECTIVENESS_PANELS = List.of("effectiveness-rates", "effectiveness-ages",
            "effectiveness-recurrence", "effectiveness-escalations");

    /** Filters whose choices the page fills from the reports' answers. */
    private static final List<String> OFFERED_FROM_DATA = List.of("application", "team");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    DeploymentStore deployments;

    @Autowired
    FollowUpStore followUps;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryHistory history;

    @Autowired
    RetrospectiveStore retrospectives;

    @Autowired
    RetrospectiveFollowUps retrospectiveFollowUps;

    @Autowired
    LinkStore links;

    @Autowired
    EscalationStore escalations;

    @Autowired
    PirStore pirs;

    @Autowired
    AlertStore alerts;

    @BeforeAll
    static void startBrowser() {
        Optional<Path> driver = executable("chromedriver", "/usr/bin/chromedriver");
        Optional<Path> chromium = executable("chromium", "/usr/bin/chromium");
        if (driver.isEmpty() || chromium.isEmpty()) {
            String missing = "The dashboard test needs Chromium and its driver (Debian packages chromium and"
                    + " chromium-driver; .ci/run installs them): " + (chromium.isEmpty() ? "chromium" : "chromedriver")
                    + " is not on PATH.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void seed() {
        jdbc.sql("DELETE FROM deployments").update();
        jdbc.sql("DELETE FROM follow_up_facts").update();
        // checkout: 2 Nov two runs, one failed; 3 Nov one rollback; 4 Nov nothing. billing: one run on 3 Nov.
        deployment("1", "checkout", "2026-11-02T10:00:00Z", DeploymentResult.SUCCESS, false);
        deployment("2", "checkout", "2026-11-02T15:00:00Z", DeploymentResult.FAILURE, false);
        deployment("3", "checkout", "2026-11-03T09:00:00Z", DeploymentResult.SUCCESS, true);
        deployment("4", "billing", "2026-11-03T11:00:00Z", DeploymentResult.SUCCESS, false);
        // Gateway: two open (one overdue), one done; outage: one open and overdue.
        followUp("rb-1", GATEWAY, LONG_AGO, "open");
        followUp("rb-2", GATEWAY, FAR_AHEAD, "open");
        followUp("rb-3", GATEWAY, LONG_AGO, "done");
        followUp("rb-4", OUTAGE, LONG_AGO, "open");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aSignedInViewerSeesTheChartsFiltersThemAndOpensADrillDown() throws IOException {
        browser.get(url("/dashboard"));
        signIn(VIEWER_KEY);

        waitUntilDrawn("follow-ups");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("team-lead (viewer)");
        assertThat(bars("follow-ups")).isEqualTo(Map.of(
                GATEWAY, List.of(2L, 1L),
                OUTAGE, List.of(1L, 1L)));
        assertThat(seriesNames("follow-ups")).containsExactly("open", "overdue");
        assertThat(panelMessage("deployments")).contains("Name an application");

        filter("checkout", "2026-11-02", "2026-11-04");
        waitUntilDrawn("deployments");
        assertThat(categories("deployments")).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(series("deployments")).isEqualTo(Map.of(
                "deployments", List.of(2L, 1L, 0L),
                "failed", List.of(1L, 0L, 0L),
                "rollbacks", List.of(0L, 1L, 0L)));

        clickColumn("deployments", 0);
        WebElement drillDown = browser.findElement(By.id("drill-down"));
        waitForDrillDown();
        assertThat(browser.findElement(By.id("drill-down-title")).getText())
                .isEqualTo("Deployments of checkout to production on 2026-11-02");
        assertThat(drillDownRows()).containsEntry("deployments", "2").containsEntry("failed", "1")
                .containsEntry("rollbacks", "0").containsEntry("from", "2026-11-02T00:00:00Z")
                .containsEntry("to (excluded)", "2026-11-03T00:00:00Z");
        screenshot("dashboard.png");

        filter("billing", "2026-11-02", "2026-11-03");
        waitUntilDrawn("deployments");
        assertThat(categories("deployments")).containsExactly("2026-11-02", "2026-11-03");
        assertThat(series("deployments")).isEqualTo(Map.of(
                "deployments", List.of(0L, 1L),
                "failed", List.of(0L, 0L),
                "rollbacks", List.of(0L, 0L)));

        clickColumn("follow-ups", categories("follow-ups").indexOf(OUTAGE));
        waitForDrillDown();
        assertThat(browser.findElement(By.id("drill-down-title")).getText()).startsWith("Action items of " + OUTAGE);
        assertThat(drillDownRows()).containsEntry("open", "1").containsEntry("overdue", "1")
                .containsEntry("committed", "1");

        assertThat(browser.getCurrentUrl()).doesNotContain(VIEWER_KEY);
        assertThat(browser.getPageSource()).doesNotContain(VIEWER_KEY);
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        // The session reads as a viewer and never writes.
        assertThat(status("GET", "/api/deployments/telemetry?application=checkout")).isEqualTo(200);
        assertThat(status("GET", "/api/admin/settings")).isEqualTo(403);
        assertThat(status("POST", "/api/events/deployments")).isEqualTo(401);

        browser.findElement(By.cssSelector("#sign-out button")).click();
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
        assertThat(status("GET", "/api/deployments/telemetry?application=checkout")).isEqualTo(401);
    }

    /**
     * The five delivery charts and the effectiveness charts, with the values and DORA bands worked out by hand from
     * the seeded runs (see {@link #seed()}; each run finishes 5 minutes after it starts) and from
     * {@link EffectivenessSeed}; a filter that changes them, drill-downs to the runs and items behind a bar, a link that
     * carries the filters, and the server's own message for a bad filter and for an ended session.
     */
    @Test
    void theDeliveryAndEffectivenessChartsShowTheSeededFiguresAndOpenWhatIsBehindThem() throws IOException {
        new EffectivenessSeed(retrospectives, retrospectiveFollowUps, links, escalations, followUps, deployments, pirs,
                alerts).write();
        // Commit times, for the change lead time: run 1 two hours, run 3 twelve hours, run 4 one hour before it ended.
        history.recordCommitTime("PIPELINE", "1", Instant.parse("2026-11-02T08:05:00Z"));
        history.recordCommitTime("PIPELINE", "3", Instant.parse("2026-11-02T21:05:00Z"));
        history.recordCommitTime("PIPELINE", "4", Instant.parse("2026-11-03T10:05:00Z"));
        browser.get(url("/dashboard"));
        signIn(VIEWER_KEY);
        waitUntilDrawn("follow-ups");

        // Every application, 2 to 4 November by day. checkout: run 1 (success, 10:05) and run 2 (failure, 15:05) on
        // the 2nd; run 3 (a successful rollback, 09:05) on the 3rd. billing: run 4 (success, 11:05) on the 3rd.
        // Run 2 failed; the next successful run, 3, restored it 18 h after it ended; run 3 is rework (a rollback).
        filter(Map.of("from", "2026-11-02", "to", "2026-11-04", "granularity", "day"));
        DELIVERY_PANELS.forEach(this::waitUntilDrawn);
        for (String panel : DELIVERY_PANELS) {
            assertThat(categories(panel)).as(panel).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
            assertThat(seriesNames(panel)).as(panel).containsExactly("billing", "checkout");
        }
        // Deployment frequency: successful runs per day. One a day is elite; a day without any has no band.
        assertThat(values("deployment-frequency")).isEqualTo(Map.of(
                "billing", numbers(0, 1, 0), "checkout", numbers(1, 1, 0)));
        assertThat(bands("deployment-frequency")).isEqualTo(Map.of(
                "billing", Arrays.asList(null, "elite", null), "checkout", Arrays.asList("elite", "elite", null)));
        // Change lead time, hours: checkout 2 (run 1) and 12 (run 3), billing 1 (run 4); all under a day: elite.
        assertThat(values("lead-time")).isEqualTo(Map.of(
                "billing", numbers(null, 1, null), "checkout", numbers(2, 12, null)));
        assertThat(bands("lead-time")).isEqualTo(Map.of(
                "billing", Arrays.asList(null, "elite", null), "checkout", Arrays.asList("elite", "elite", null)));
        // Change fail rate, %: checkout 1 of 2 on the 2nd (50 %: low, over 30 %), 0 of 1 on the 3rd (elite).
        assertThat(values("change-fail-rate")).isEqualTo(Map.of(
                "billing", numbers(null, 0, null), "checkout", numbers(50, 0, null)));
        assertThat(bands("change-fail-rate")).isEqualTo(Map.of(
                "billing", Arrays.asList(null, "elite", null), "checkout", Arrays.asList("low", "elite", null)));
        // Recovery time, hours: run 2 (2nd, 15:05) to run 3 (3rd, 09:05) is 18 h: under a day, high.
        assertThat(values("recovery-time")).isEqualTo(Map.of(
                "billing", numbers(null, null, null), "checkout", numbers(18, null, null)));
        assertThat(bands("recovery-time")).isEqualTo(Map.of(
                "billing", Arrays.asList(null, null, null), "checkout", Arrays.asList("high", null, null)));
        // Rework rate, %: checkout 0 of 2 on the 2nd, 1 (the rollback) of 1 on the 3rd; DORA gives it no bands.
        assertThat(values("rework-rate")).isEqualTo(Map.of(
                "billing", numbers(null, 0, null), "checkout", numbers(0, 100, null)));
        assertThat(bands("rework-rate")).isEqualTo(Map.of(
                "billing", Arrays.asList(null, null, null), "checkout", Arrays.asList(null, null, null)));
        // The whole window: 3 successful runs in 3 days, 1 a day (elite); 1 of 4 runs failed, 25 % (high).
        assertThat(summary("deployment-frequency")).isEqualTo("Whole window: 3 deployments, 1 per day; band elite");
        assertThat(summary("change-fail-rate")).isEqualTo("Whole window: 1 of 4 deployments failed; band high");
        // No retrospective opened in November.
        for (String panel : EFFECTIVENESS_PANELS) {
            assertThat(panelMessage(panel)).as(panel).isEqualTo("No retrospectives opened in this window.");
        }

        // The shipped teams.yaml puts checkout in team storefront; billing is in no team (unassigned).
        filter(Map.of("team", "storefront"));
        DELIVERY_PANELS.forEach(this::waitUntilDrawn);
        assertThat(values("deployment-frequency")).isEqualTo(Map.of("checkout", numbers(1, 1, 0)));
        filter(Map.of("team", "unassigned"));
        DELIVERY_PANELS.forEach(this::waitUntilDrawn);
        assertThat(values("deployment-frequency")).isEqualTo(Map.of("billing", numbers(0, 1, 0)));
        filter(Map.of("team", ""));

        // Only checkout, by week: one bucket from Monday 2 November, cut to the window's end (3 days). 2 successful
        // runs in 3 days, 0.67 a day (high: at least weekly); lead time median of 2 h and 12 h = 7 h; 1 of 3 runs
        // failed and 1 of 3 is rework, 33.3 %; recovery 18 h.
        filter(Map.of("application", "checkout", "granularity", "week"));
        DELIVERY_PANELS.forEach(this::waitUntilDrawn);
        assertThat(categories("deployment-frequency")).containsExactly("2026-11-02");
        assertThat(values("deployment-frequency")).isEqualTo(Map.of("checkout", numbers(2)));
        assertThat(bands("deployment-frequency")).isEqualTo(Map.of("checkout", List.of("high")));
        assertThat(values("lead-time")).isEqualTo(Map.of("checkout", numbers(7)));
        assertThat(values("change-fail-rate")).isEqualTo(Map.of("checkout", numbers(33.3)));
        assertThat(bands("change-fail-rate")).isEqualTo(Map.of("checkout", List.of("low")));
        assertThat(values("recovery-time")).isEqualTo(Map.of("checkout", numbers(18)));
        assertThat(values("rework-rate")).isEqualTo(Map.of("checkout", numbers(33.3)));
        // The filters are in the link, the key is not.
        assertThat(browser.getCurrentUrl()).endsWith(
                "/dashboard#application=checkout&environment=production&from=2026-11-02&to=2026-11-04&granularity=week")
                .doesNotContain(VIEWER_KEY);

        // The runs behind checkout's fail rate that week, oldest first.
        clickColumn("change-fail-rate", 0);
        waitForDrillDown();
        assertThat(browser.findElement(By.id("drill-down-title")).getText()).startsWith("Change fail rate of checkout")
                .endsWith("1 of 3 deployments failed");
        assertThat(drillDownTable()).containsExactly(
                List.of("application", "run", "finished", "failed", "rework", "recovery", "lead time"),
                List.of("checkout", "PIPELINE:1", "2026-11-02T10:05:00Z", "-", "-", "-", "PT2H"),
                List.of("checkout", "PIPELINE:2", "2026-11-02T15:05:00Z", "deployment failure", "-",
                        "restored by next successful deployment PIPELINE:3 at 2026-11-03T09:05:00Z (PT18H)", "-"),
                List.of("checkout", "PIPELINE:3", "2026-11-03T09:05:00Z", "-", "rollback", "-", "PT12H"));

        // Effectiveness, June 2026 by week (from Monday 1 June), every application. EFF1 in the first week: t1 t2 t3,
        // 2 done of 3 (0.67), t1 on time of the 2 done (0.50); its config-drift closed and recurred in EFF2 (1 of 1).
        // The third week: EFF2 (t4 open, t5 in progress) and EFF4 (t7 done, no due date: on time), 1 done of 3
        // (0.33), 1 of 1 on time; EFF4's cache-stampede closed and did not recur (0 of 1). Other weeks: nothing.
        filter(Map.of("application", "", "from", "2026-06-01", "to", "2026-06-30", "granularity", "week"));
        EFFECTIVENESS_PANELS.forEach(this::waitUntilDrawn);
        assertThat(categories("effectiveness-rates"))
                .containsExactly("2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29");
        assertThat(values("effectiveness-rates")).isEqualTo(Map.of(
                "completion", numbers(67, null, 33, null, null), "on time", numbers(50, null, 100, null, null)));
        assertThat(values("effectiveness-recurrence")).isEqualTo(Map.of(
                "recurrence", numbers(100, null, 0, null, null)));
        // Ages are judged on today: t4 and t5 opened with EFF2 on 20 June; t4 due 1 July, t5 due 10 July.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long open = ChronoUnit.DAYS.between(LocalDate.of(2026, 6, 20), today);
        long t4 = ChronoUnit.DAYS.between(LocalDate.of(2026, 7, 1), today);
        long t5 = ChronoUnit.DAYS.between(LocalDate.of(2026, 7, 10), today);
        assertThat(values("effectiveness-ages")).isEqualTo(Map.of(
                "open", numbers(null, null, open, null, null),
                "overdue", numbers(null, null, (t4 + t5) / 2.0, null, null)));
        // t2's CAB escalation ended when it was completed (week 1); t4's CAB one is still open and t5's ARB one was
        // de-escalated when its due date moved (week 3).
        assertThat(values("effectiveness-escalations")).isEqualTo(Map.of(
                "ARB de-escalated", numbers(0, 0, 1, 0, 0),
                "CAB closed item", numbers(1, 0, 0, 0, 0),
                "CAB open", numbers(0, 0, 1, 0, 0)));

        clickColumn("effectiveness-escalations", 2);
        waitForDrillDown();
        assertThat(browser.findElement(By.id("drill-down-title")).getText())
                .isEqualTo("Retrospectives opened 2026-06-15 to 2026-06-22 (excluded): ARB: 1, CAB: 1; 2 items behind it");
        assertThat(drillDownTable()).containsExactly(
                List.of("item", "retrospective", "application", "status", "due", "completed", "overdue days",
                        "failure mode", "escalations"),
                List.of("PTASK4", "change:EFF2", "eff-payments", "OPEN", "2026-07-01", "-", String.valueOf(t4),
                        "config-drift", "CAB open"),
                List.of("PTASK5", "change:EFF2", "eff-payments", "IN_PROGRESS", "2026-07-10", "-", String.valueOf(t5),
                        "capacity", "ARB deescalated"));
        screenshot("effectiveness.png");

        // A shared link: only eff-search, by month. June: EFF4's t7, 1 done of 1, on time.
        browser.get("about:blank");
        browser.get(url("/dashboard#application=eff-search&from=2026-06-01&to=2026-06-30&granularity=month"));
        waitUntilDrawn("effectiveness-rates");
        assertThat(categories("effectiveness-rates")).containsExactly("2026-06-01");
        assertThat(values("effectiveness-rates")).isEqualTo(Map.of("completion", numbers(100), "on time",
                numbers(100)));
        assertThat(new Select(browser.findElement(By.id("filter-application"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("eff-search");
        // eff-search has no deployments.
        assertThat(panelMessage("deployment-frequency")).isEqualTo("No deployments in this window.");

        // A bad filter: the delivery panels show the server's own message.
        filter(Map.of("environment", "no such place"));
        assertThat(panelError("lead-time")).isEqualTo("environment 'no such place' is not an environment name"
                + " (letters, digits and . _ -, e.g. production).");

        // The session ended (its cookie gone): the next apply shows the sign-in form and says why.
        browser.manage().deleteCookieNamed("JSESSIONID");
        filter(Map.of("environment", "production"));
        WebElement message = browser.findElement(By.id("sign-in-message"));
        new WebDriverWait(browser, PATIENCE).until(b -> !message.getText().isBlank());
        assertThat(message.getText()).isEqualTo("Your session has ended; sign in again (the server answered: missing or"
                + " unknown API key).");
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
    }

    @Test
    void aWrongKeyShowsTheFormAgainWithAMessageAndOpensNothing() {
        browser.get(url("/dashboard"));
        signIn("not-a-registered-key-123");

        WebElement message = browser.findElement(By.id("sign-in-message"));
        new WebDriverWait(browser, PATIENCE).until(b -> !message.getText().isBlank());
        assertThat(message.getText()).contains("That API key is not recognised");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
        assertThat(status("GET", "/api/deployments/telemetry?application=checkout")).isEqualTo(401);
        assertThat(browser.getCurrentUrl()).doesNotContain("not-a-registered-key");
    }

    private void signIn(String key) {
        WebElement field = new WebDriverWait(browser, PATIENCE).until(b -> {
            WebElement input = b.findElement(By.id("api-key"));
            return input.isDisplayed() ? input : null;
        });
        field.sendKeys(key);
        browser.findElement(By.id("sign-in-button")).click();
    }

    private void filter(String application, String from, String to) {
        filter(Map.of("application", application, "from", from, "to", to));
    }

    /**
     * Fills the filters and applies them. The application list comes from the reports over the window, so the window
     * is applied first and the application chosen once the list offers it.
     */
    private void filter(Map<String, String> values) {
        values.forEach((name, value) -> {
            if (!OFFERED_FROM_DATA.contains(name) || value.isEmpty()) {
                WebElement field = browser.findElement(By.id("filter-" + name));
                if (field.getTagName().equals("select")) {
                    new Select(field).selectByValue(value);
                } else {
                    field.clear();
                    field.sendKeys(value);
                }
            }
        });
        for (String name : OFFERED_FROM_DATA) {
            String wanted = values.get(name);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            browser.findElement(By.id("apply-filters")).click();
            new WebDriverWait(browser, PATIENCE).withMessage(() -> "no " + name + " " + wanted + " offered")
                    .ignoring(StaleElementReferenceException.class).until(b -> {
                        Select select = new Select(b.findElement(By.id("filter-" + name)));
                        if (select.getOptions().stream()
                                .noneMatch(option -> wanted.equals(option.getDomAttribute("value")))) {
                            return false;
                        }
                        select.selectByValue(wanted);
                        return wanted.equals(select.getFirstSelectedOption().getDomAttribute("value"));
                    });
        }
        browser.findElement(By.id("apply-filters")).click();
    }

    private void waitUntilDrawn(String panel) {
        WebElement section = browser.findElement(By.id("panel-" + panel));
        // What the page and the browser's console say is what a failure needs to be understood.
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "panel " + panel + " not drawn; the page says: "
                        + browser.findElement(By.tagName("body")).getText() + "; console: "
                        + browser.manage().logs().get("browser").getAll())
                .until(b -> "ready".equals(section.getDomAttribute("data-state")));
    }

    private String panelError(String panel) {
        WebElement section = browser.findElement(By.id("panel-" + panel));
        new WebDriverWait(browser, PATIENCE).until(b -> "error".equals(section.getDomAttribute("data-state")));
        return section.findElement(By.className("message")).getText();
    }

    private String summary(String panel) {
        return browser.findElement(By.cssSelector("#panel-" + panel + " .summary")).getText();
    }

    /** Series name to its values as numbers (null where the chart has a gap), as the chart holds them. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Double>> values(String panel) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) chartOption(panel, ".series.map(s => ({name:"
                + " s.name, data: s.data.map(d => d !== null && typeof d === 'object' ? d.value : d)}))");
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        series.forEach(s -> byName.put((String) s.get("name"), ((List<Object>) s.get("data")).stream()
                .map(value -> value == null ? null : ((Number) value).doubleValue()).toList()));
        return byName;
    }

    /** Series name to the DORA band of each of its points, as the chart holds them. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> bands(String panel) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) chartOption(panel, ".series.map(s => ({name:"
                + " s.name, bands: s.data.map(d => d !== null && typeof d === 'object' ? d.band : null)}))");
        Map<String, List<String>> byName = new LinkedHashMap<>();
        series.forEach(s -> byName.put((String) s.get("name"), (List<String>) s.get("bands")));
        return byName;
    }

    private static List<Double> numbers(Number... values) {
        return Arrays.stream(values).map(value -> value == null ? null : value.doubleValue()).toList();
    }

    private void waitForDrillDown() {
        WebElement drillDown = browser.findElement(By.id("drill-down"));
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "drill-down not shown: "
                        + drillDown.getText())
                .until(b -> drillDown.isDisplayed() && "ready".equals(drillDown.getDomAttribute("data-state")));
    }

    /** The drill-down's table, its header row first. */
    private List<List<String>> drillDownTable() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#drill-down-table tr"))) {
            rows.add(row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    private String panelMessage(String panel) {
        WebElement section = browser.findElement(By.id("panel-" + panel));
        new WebDriverWait(browser, PATIENCE).until(b -> "message".equals(section.getDomAttribute("data-state")));
        return section.findElement(By.className("message")).getText();
    }

    private Object chartOption(String panel, String path) {
        return js().executeScript("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption()" + path + ";", "chart-" + panel);
    }

    @SuppressWarnings("unchecked")
    private List<String> categories(String panel) {
        return (List<String>) chartOption(panel, ".xAxis[0].data");
    }

    @SuppressWarnings("unchecked")
    private List<String> seriesNames(String panel) {
        return (List<String>) chartOption(panel, ".series.map(s => s.name)");
    }

    /** Series name to its values, as the chart holds them. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Long>> series(String panel) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) chartOption(panel,
                ".series.map(s => ({name: s.name, data: s.data}))");
        Map<String, List<Long>> byName = new LinkedHashMap<>();
        series.forEach(s -> byName.put((String) s.get("name"), (List<Long>) s.get("data")));
        return byName;
    }

    /** Category to its values, one per series. */
    private Map<String, List<Long>> bars(String panel) {
        List<String> categories = categories(panel);
        Map<String, List<Long>> series = series(panel);
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            List<Long> values = new ArrayList<>();
            for (List<Long> data : series.values()) {
                values.add(data.get(i));
            }
            byCategory.put(categories.get(i), values);
        }
        return byCategory;
    }

    /** Clicks inside a category's column of the chart, where ECharts says it is. */
    @SuppressWarnings("unchecked")
    private void clickColumn(String panel, int index) {
        // Nothing still loading, so nothing moves the chart between measuring and clicking.
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElements(By.cssSelector("[data-state=loading]"))
                .isEmpty());
        WebElement chart = browser.findElement(By.id("chart-" + panel));
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        List<Number> offset = (List<Number>) js().executeScript("""
                const element = document.getElementById(arguments[0]);
                const chart = echarts.getInstanceByDom(element);
                const point = chart.convertToPixel({gridIndex: 0}, [arguments[1], 0]);
                return [Math.round(point[0] - element.clientWidth / 2), Math.round(point[1] - 20 - element.clientHeight / 2)];
                """, "chart-" + panel, index);
        new Actions(browser).moveToElement(chart, offset.get(0).intValue(), offset.get(1).intValue()).click().perform();
    }

    private Map<String, String> drillDownRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#drill-down-table tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            rows.put(cells.get(0).getText(), cells.get(1).getText());
        }
        return rows;
    }

    /** The status of a same-origin call made by the page, with whatever cookie the browser holds. */
    private long status(String method, String path) {
        return (Long) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], credentials: 'same-origin',
                        headers: {'Content-Type': 'application/json'}, body: arguments[0] === 'GET' ? undefined : '{}'})
                    .then(response => done(response.status), () => done(-1));
                """, method, path);
    }

    private void screenshot(String name) throws IOException {
        js().executeScript("window.scrollTo(0, 0);");
        Path target = Path.of("target", "dashboard", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void deployment(String runId, String application, String started, DeploymentResult result, boolean rollback) {
        Instant start = Instant.parse(started);
        deployments.record(new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, application, "production",
                "1." + runId, null, null, null, start, start.plusSeconds(300), result, rollback, null));
    }

    private void followUp(String itemKey, String retrospective, LocalDate due, String status) {
        followUps.save(new FollowUpFact(itemKey, itemKey.toUpperCase(), "title of " + itemKey, retrospective, "Payments",
                null, due, status, "done".equals(status) ? due.minusDays(1) : null, false,
                Instant.parse("2026-11-26T08:00:00Z")));
    }

    private static Optional<Path> executable(String name, String usual) {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name));
        return Stream.concat(onPath, Stream.of(Path.of(usual))).filter(Files::isExecutable).findFirst();
    }
}
