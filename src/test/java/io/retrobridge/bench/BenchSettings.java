package io.retrobridge.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one benchmark run is asked to do; every figure is reported next to these. Each can be set with
 * {@code -Dbench.<name>=...} on the Maven command line.
 *
 * @param items                     Jira items the backfill mirrors
 * @param latencyMillis             added by each simulator to every request, like a distant server
 * @param serviceNowRateLimit       requests per second the ServiceNow simulator serves before it answers 429
 * @param serviceNowRequestsPerSecond the connector's pacing for ServiceNow, set to the limit
 * @param jiraRequestsPerSecond     the connector's pacing for Jira (the Jira simulator is not limited)
 * @param workers                   events the connector syncs at once ({@code retrobridge.sync.workers})
 * @param drainInterval             how often the connector looks at its inbox when idle
 * @param editsPerSecond            steady-state edits, alternating between Jira and ServiceNow
 * @param steadySeconds             how long edits keep coming
 * @param baselineItems             items the raw-client baseline handles
 * @param growthChanges             changes polled and decided at each history size
 * @param growthSmall               links in the store for the small history
 * @param growthLarge               links in the store for the large history
 * @param gateApplications          applications in the store for the gate phase
 * @param gateItems                 open follow-up items between them
 * @param gateEvaluations           gate evaluations measured per path and database
 * @param gateWarmUp                gate evaluations before those, not measured
 * @param gateDatabases             the stores the gate phase runs on: h2, postgres or both
 */
record BenchSettings(int items, int latencyMillis, int serviceNowRateLimit, double serviceNowRequestsPerSecond,
        double jiraRequestsPerSecond, int workers, String drainInterval, int editsPerSecond, int steadySeconds,
        int baselineItems, int growthChanges, int growthSmall, int growthLarge, int gateApplications, int gateItems,
        int gateEvaluations, int gateWarmUp, String gateDatabases) {

    static BenchSettings fromSystemProperties() {
        int rateLimit = Integer.getInteger("bench.servicenow-rate-limit", 100);
        return new BenchSettings(
                Integer.getInteger("bench.items", 5_000),
                Integer.getInteger("bench.latency-ms", 50),
                rateLimit,
                // Paced to match the limit: a 429 now and then (counted) costs less than pacing below it.
                Double.parseDouble(System.getProperty("bench.servicenow-rps", String.valueOf(rateLimit))),
                Double.parseDouble(System.getProperty("bench.jira-rps", "1000")),
                Integer.getInteger("bench.workers", 16),
                System.getProperty("bench.drain-interval", "250ms"),
                Integer.getInteger("bench.edits-per-second", 10),
                Integer.getInteger("bench.steady-seconds", 30),
                Integer.getInteger("bench.baseline-items", 1_000),
                Integer.getInteger("bench.growth-changes", 100),
                Integer.getInteger("bench.growth-small", 10_000),
                Integer.getInteger("bench.growth-large", 100_000),
                Integer.getInteger("bench.gate-applications", 10_000),
                Integer.getInteger("bench.gate-items", 100_000),
                Integer.getInteger("bench.gate-evaluations", 2_000),
                Integer.getInteger("bench.gate-warm-up", 500),
                System.getProperty("bench.gate-databases", "h2,postgres"));
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("items", items);
        map.put("latencyMillis", latencyMillis);
        map.put("serviceNowRateLimit", serviceNowRateLimit);
        map.put("serviceNowRequestsPerSecond", serviceNowRequestsPerSecond);
        map.put("jiraRequestsPerSecond", jiraRequestsPerSecond);
        map.put("workers", workers);
        map.put("drainInterval", drainInterval);
        map.put("editsPerSecond", editsPerSecond);
        map.put("steadySeconds", steadySeconds);
        map.put("baselineItems", baselineItems);
        map.put("growthChanges", growthChanges);
        map.put("growthSmall", growthSmall);
        map.put("growthLarge", growthLarge);
        map.put("gateApplications", gateApplications);
        map.put("gateItems", gateItems);
        map.put("gateEvaluations", gateEvaluations);
        map.put("gateWarmUp", gateWarmUp);
        map.put("gateDatabases", gateDatabases);
        return map;
    }
}
