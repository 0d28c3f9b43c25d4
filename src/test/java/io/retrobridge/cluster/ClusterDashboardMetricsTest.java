package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.SingletonRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "RetroBridge: instances" dashboard and the cluster alert rules of the compose stack query only metrics the
 * election exports, under the names Prometheus gives them: a renamed meter shows here, not as an empty panel or an
 * alert that can never fire.
 */
class ClusterDashboardMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\bretrobridge_[a-zA-Z0-9_:]*");

    @Test
    void theInstancesDashboardAndTheAlertRulesNameMetricsTheElectionExports() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClusterMetrics metrics = new ClusterMetrics(registry, "retrobridge", LeaderTerm.NOT_FENCED);
        metrics.granted(null);
        for (SingletonRuns.Outcome outcome : SingletonRuns.Outcome.values()) {
            metrics.runEnded("jira-poll", outcome);
        }
        Set<String> exported = names(registry.scrape());

        StringBuilder queries = new StringBuilder();
        new ObjectMapper().readTree(Path.of("docker/grafana/dashboards/retrobridge-cluster.json").toFile())
                .path("panels").forEach(panel -> panel.path("targets")
                        .forEach(target -> queries.append(target.path("expr").asText()).append('\n')));
        Set<String> dashboard = names(queries.toString());
        Set<String> alerts = names(Files.readString(Path.of("docker/prometheus/alerts.cluster.yml")));

        assertThat(dashboard).contains("retrobridge_cluster_leader", "retrobridge_cluster_term",
                "retrobridge_cluster_leadership_changes_total", "retrobridge_singleton_runs_total");
        assertThat(exported).as("what /actuator/prometheus shows of the election").containsAll(dashboard)
                .containsAll(alerts);
        assertThat(alerts).contains("retrobridge_cluster_leader", "retrobridge_cluster_leadership_changes_total");
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            names.add(metric.group());
        }
        return names;
    }
}
