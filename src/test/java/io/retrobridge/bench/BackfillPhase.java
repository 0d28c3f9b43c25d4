package io.retrobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N items exist in Jira only; a backfill is started through the admin API and timed until every one exists in
 * ServiceNow and is linked. The requests one item takes are counted from the simulators' logs. The ceiling follows
 * from the fewest requests a hand-written client needs per item (the baseline's: one create, and one Jira page read
 * per page of items): what the ServiceNow rate limit allows, what Jira pacing allows, and what {@code workers}
 * items in hand at a time allow when each request waits the set latency; the lowest of the three binds.
 */
final class BackfillPhase {

    static final String TITLE = "Bench item ";
    /** ServiceNow requests per item a hand-written client cannot do without: the create. */
    static final double MINIMAL_SERVICENOW_PER_ITEM = 1.0;
    /** Jira requests per item a hand-written client cannot do without: its share of one page read. */
    static final double MINIMAL_JIRA_PER_ITEM = 1.0 / BaselineClient.PAGE;

    record Result(int items, double seconds, double itemsPerSecond, double serviceNowRequestsPerItem,
            double jiraRequestsPerItem, double jiraWritesPerItem, double serviceNowWritesPerItem,
            Map<String, Double> requestShapesPerItem, long refused429,
            double rateCeiling, double jiraCeiling, double concurrencyCeiling, double ceiling, String binding,
            double ratio, double secondHalfItemsPerSecond, double cpuMillisPerItem, double jitCpuMillisPerItem,
            long peakRssKb, long links) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("items", items);
            map.put("seconds", round(seconds));
            map.put("itemsPerSecond", round(itemsPerSecond));
            map.put("serviceNowRequestsPerItem", round(serviceNowRequestsPerItem));
            map.put("jiraRequestsPerItem", round(jiraRequestsPerItem));
            map.put("jiraWritesPerItem", round(jiraWritesPerItem));
            map.put("serviceNowWritesPerItem", round(serviceNowWritesPerItem));
            map.put("minimalServiceNowRequestsPerItem", round(MINIMAL_SERVICENOW_PER_ITEM));
            map.put("minimalJiraRequestsPerItem", round(MINIMAL_JIRA_PER_ITEM));
            map.put("requestShapesPerItem", requestShapesPerItem);
            map.put("refused429", refused429);
            map.put("ceilingServiceNowRateLimit", round(rateCeiling));
            map.put("ceilingJiraPacing", round(jiraCeiling));
            map.put("ceilingWorkersAndLatency", round(concurrencyCeiling));
            map.put("ceiling", round(ceiling));
            map.put("bindingLimit", binding);
            map.put("achievedOverCeiling", round(ratio));
            map.put("secondHalfItemsPerSecond", round(secondHalfItemsPerSecond));
            map.put("secondHalfOverCeiling", round(secondHalfItemsPerSecond / ceiling));
            map.put("connectorCpuMillisPerItem", round(cpuMillisPerItem));
            map.put("connectorJitCompilerCpuMillisPerItem", round(jitCpuMillisPerItem));
            map.put("connectorPeakRssKb", peakRssKb);
            map.put("links", links);
            return map;
        }
    }

    private BackfillPhase() {
    }

    /**
     * Seeds the items (after the connector's first poll, so only the backfill finds them), starts the backfill
     * through the admin API and waits until it is done and every item is linked.
     */
    static Result run(BenchSettings settings, BenchSystems systems, ConnectorProcess connector)
            throws InterruptedException {
        int n = settings.items();
        awaitFirstPoll(systems);
        Progress.say("backfill: seeding %,d Jira items", n);
        systems.seedJiraItems(TITLE, n);
        systems.jira.requests().clear();
        systems.servicenow.requests().clear();
        Duration cpuBefore = connector.cpuTime();
        Duration jitBefore = connector.compilerCpuTime();
        long started = System.nanoTime();
        AdminApi.post(connector.port(), "/api/admin/sync/backfill");
        long lastReport = started;
        long halfAt = 0;
        long linksAtHalf = 0;
        JsonNode status;
        while (true) {
            status = SandboxPair.json(AdminApi.get(connector.port(), "/api/admin/sync/status"));
            if (halfAt == 0 && status.path("links").asLong() >= n / 2) {
                halfAt = System.nanoTime();
                linksAtHalf = status.path("links").asLong();
            }
            String state = status.path("backfill").path("state").asText();
            if (state.equals("done") && status.path("links").asLong() >= n && status.path("pendingEvents").asLong() == 0) {
                break;
            }
            if (!state.equals("running") && !state.equals("done")) {
                throw new IllegalStateException("backfill stopped: " + status + "; see " + connector.log());
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say("backfill: %,d of %,d linked after %.0f s", status.path("links").asLong(), n,
                        (lastReport - started) / 1e9);
            }
            Thread.sleep(100);
        }
        long finished = System.nanoTime();
        double seconds = (finished - started) / 1e9;
        double secondHalf = (n - linksAtHalf) / Math.max(1e-9, (finished - halfAt) / 1e9);
        Duration cpu = connector.cpuTime().minus(cpuBefore);
        Duration jit = connector.compilerCpuTime().minus(jitBefore);
        long rss = connector.peakRssKb();
        long links = status.path("links").asLong();
        if (links != n || systems.tasks() != n) {
            throw new IllegalStateException("backfill ended with " + links + " links and " + systems.tasks()
                    + " ServiceNow tasks for " + n + " items; see " + connector.log());
        }
        return result(settings, systems, n, seconds, secondHalf, cpu, jit, rss, links);
    }

    /** The connector polls once at start-up; items seeded after it are left to the backfill. */
    private static void awaitFirstPoll(BenchSystems systems) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (systems.jira.requests().count("POST", "/rest/api/3/search/jql") == 0
                || systems.servicenow.requests().count("GET", "/api/now/table/" + BenchSystems.TASKS) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the connector did not poll within 60 s of start");
            }
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }

    private static Result result(BenchSettings settings, BenchSystems systems, int n, double seconds,
            double secondHalf, Duration cpu, Duration jit, long rss, long links) {
        List<RequestLog.Entry> jira = systems.jira.requests().all();
        List<RequestLog.Entry> servicenow = systems.servicenow.requests().all();
        double snPerItem = RequestShapes.answeredPerItem(servicenow, n);
        double jiraPerItem = RequestShapes.answeredPerItem(jira, n);
        Map<String, Double> shapes = new LinkedHashMap<>();
        RequestShapes.perItem(jira, n).forEach((shape, count) -> shapes.put("jira " + shape, count));
        RequestShapes.perItem(servicenow, n).forEach((shape, count) -> shapes.put("servicenow " + shape, count));
        double jiraWrites = (double) BenchSystems.successfulWrites(jira) / n;
        double snWrites = (double) BenchSystems.successfulWrites(servicenow) / n;
        double rateCeiling = settings.serviceNowRateLimit() / MINIMAL_SERVICENOW_PER_ITEM;
        double jiraCeiling = settings.jiraRequestsPerSecond() / MINIMAL_JIRA_PER_ITEM;
        // Each item's requests run one after another, each waiting at least the latency.
        double concurrencyCeiling = settings.workers() * 1000.0
                / ((MINIMAL_SERVICENOW_PER_ITEM + MINIMAL_JIRA_PER_ITEM) * settings.latencyMillis());
        double ceiling = Math.min(rateCeiling, Math.min(jiraCeiling, concurrencyCeiling));
        String binding = ceiling == rateCeiling ? "ServiceNow rate limit"
                : ceiling == jiraCeiling ? "Jira pacing" : "workers x latency";
        double achieved = n / seconds;
        return new Result(n, seconds, achieved, snPerItem, jiraPerItem, jiraWrites, snWrites, shapes,
                RequestShapes.refused(jira) + RequestShapes.refused(servicenow), rateCeiling, jiraCeiling,
                concurrencyCeiling, ceiling, binding, achieved / ceiling, secondHalf, cpu.toMillis() / (double) n,
                jit.toMillis() / (double) n, rss, links);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
