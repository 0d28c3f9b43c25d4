package io.retrobridge.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.DeploymentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    DeploymentStore deployments;

    @Autowired
    FollowUpStore followUps;

    @Autowired
    JdbcClient jdbc;

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
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
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
        new WebDriverWait(browser, PATIENCE).until(b -> drillDown.isDisplayed());
        assertThat(browser.findElement(By.id("drill-down-title")).getText())
                .isEqualTo("Deployments of checkout to production on 2026-11-02");
        assertThat(drillDownRows()).containsEntry("deployments", "2").containsEntry("failed", "1")
                .containsEntry("rollbacks", "0").containsEntry("from", "2026-11-02T00:00:00Z")
                .containsEntry("to (excluded)", "2026-11-03T00:00:00Z");
        screenshot();

        filter("billing", "2026-11-02", "2026-11-03");
        waitUntilDrawn("deployments");
        assertThat(categories("deployments")).containsExactly("2026-11-02", "2026-11-03");
        assertThat(series("deployments")).isEqualTo(Map.of(
                "deployments", List.of(0L, 1L),
                "failed", List.of(0L, 0L),
                "rollbacks", List.of(0L, 0L)));

        clickColumn("follow-ups", categories("follow-ups").indexOf(OUTAGE));
        new WebDriverWait(browser, PATIENCE).until(b -> drillDown.isDisplayed());
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
        for (Map.Entry<String, String> field : Map.of("filter-application", application, "filter-from", from,
                "filter-to", to).entrySet()) {
            WebElement input = browser.findElement(By.id(field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
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
        WebElement chart = browser.findElement(By.id("chart-" + panel));
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

    private void screenshot() throws IOException {
        Path target = Path.of("target", "dashboard.png");
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
