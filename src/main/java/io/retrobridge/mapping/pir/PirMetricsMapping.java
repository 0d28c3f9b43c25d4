package io.retrobridge.mapping.pir;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pir-metrics.yaml} says: when a release's PIR figures are collected, over which windows, which metrics
 * (PromQL templates) with which thresholds, which alert rules watch which failure modes, and where the summary is
 * written.
 *
 * @param alertRules the failure modes each alert rule (by {@code alertname}) watches
 */
public record PirMetricsMapping(Collect collect, Windows windows, ServiceNames services, List<PirMetric> metrics,
                                Map<String, List<String>> alertRules, Destinations destinations) {

    public static final String FILE_NAME = "pir-metrics.yaml";

    public PirMetricsMapping {
        metrics = List.copyOf(metrics);
        alertRules = Map.copyOf(alertRules);
    }

    /** Failure modes some metric or alert rule watches. */
    public Set<String> coveredFailureModes() {
        Set<String> covered = new TreeSet<>();
        metrics.forEach(metric -> covered.addAll(metric.covers()));
        alertRules.values().forEach(covered::addAll);
        return covered;
    }

    /**
     * When figures are collected.
     *
     * @param onChangeReview         when a change request reaches Review (state 0)
     * @param deploymentEnvironments when a deployment to one of these environments finishes (lower case)
     */
    public record Collect(boolean onChangeReview, Set<String> deploymentEnvironments) {
        public Collect {
            deploymentEnvironments = Set.copyOf(deploymentEnvironments);
        }
    }

    /**
     * @param before how long before the deployment the "before" figure is measured (default 1h)
     * @param after  how long after it the "after" figure is measured (default 1h)
     * @param step   the resolution of range queries (default 1m)
     * @param rate   what {@code ${window}} stands for in a query, e.g. the range of a {@code rate()} (default 5m)
     */
    public record Windows(Duration before, Duration after, Duration step, Duration rate) {
    }

    /**
     * @param environment the environment a change's figures are asked about when no deployment names one
     * @param names       configuration item or application names and the service label value they stand for
     */
    public record ServiceNames(String environment, Map<String, String> names) {
        public ServiceNames {
            names = Map.copyOf(names);
        }

        /** The service an application or configuration item is known as in the monitoring. */
        public String serviceFor(String name) {
            return names.getOrDefault(name, name);
        }
    }

    /** Where the summary goes. */
    public record Destinations(ServiceNowDestination servicenow, JiraDestination jira) {
    }

    /**
     * @param workNote     the summary as one work note on the change (written once; ServiceNow journal entries cannot
     *                     be edited, so later collections update the field and appendix instead)
     * @param closeNotes   the summary appended to close notes, the appendix replaced on each collection
     * @param summaryField a field (e.g. {@code u_pir_summary}) that holds the latest summary; null for none
     */
    public record ServiceNowDestination(boolean workNote, boolean closeNotes, String summaryField) {
    }

    /**
     * @param comment      the summary as one comment on the change's Jira issue, edited in place on each collection
     * @param summaryField a field (e.g. {@code customfield_10090}) that holds the latest summary; null for none
     */
    public record JiraDestination(boolean comment, String summaryField) {
    }
}
