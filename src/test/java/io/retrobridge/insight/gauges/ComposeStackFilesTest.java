package io.retrobridge.insight.gauges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml with Prometheus and Grafana, checked without a Docker engine: it parses, every file it mounts
 * exists, every image is pinned to a version, Prometheus reads the viewer key from the secret compose mounts (never
 * from the repository) and scrapes /actuator/prometheus, and Grafana's provisioning finds the dashboard and the data
 * source the dashboard names.
 */
class ComposeStackFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    void everyFileTheComposeStackMountsExistsAndEveryImageIsPinned() throws IOException {
        Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yaml")).get("services"));

        assertThat(services).containsKeys("retrobridge", "postgres", "prometheus", "grafana");
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            Object image = service.get("image");
            if (!service.containsKey("build")) {
                assertThat((String) image).as("image of %s", name).matches("[^:]+:[0-9v][^:]*").doesNotEndWith(":latest");
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = ((String) volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DOCKER.resolve(source)).as("%s mounts %s", name, volume).exists();
                }
            }
        });
    }

    @Test
    void prometheusScrapesTheMetricsEndpointWithTheKeyComposeMountsAsASecret() throws IOException {
        Map<String, Object> compose = yaml(DOCKER.resolve("compose.yaml"));
        Map<String, Object> prometheus = map(map(compose.get("services")).get("prometheus"));
        Map<String, Object> secret = map(map(compose.get("secrets")).get("retrobridge_metrics_key"));
        Map<String, Object> scrape = map(list(yaml(DOCKER.resolve("prometheus/prometheus.yml")).get("scrape_configs"))
                .get(0));

        assertThat(list(prometheus.get("secrets"))).containsExactly("retrobridge_metrics_key");
        assertThat(secret).as("the key comes from the environment, not a file in the repository")
                .containsOnlyKeys("environment");
        assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(map(scrape.get("authorization")))
                .containsEntry("credentials_file", "/run/secrets/retrobridge_metrics_key")
                .doesNotContainKey("credentials");
        assertThat(map(map(compose.get("services")).get("retrobridge")).get("environment").toString())
                .contains("RETROBRIDGE_SECURITY_API_KEYS_0_ROLE=viewer", "RETROBRIDGE_SECURITY_API_KEYS_0_KEY=${RETROBRIDGE_METRICS_KEY");
    }

    @Test
    void grafanaProvisionsThePrometheusTheDashboardNamesAndLoadsTheDashboard() throws IOException {
        Map<String, Object> source = map(list(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"))
                .get("datasources")).get(0));
        Map<String, Object> provider = map(list(yaml(DOCKER.resolve("grafana/provisioning/dashboards/retrobridge.yaml"))
                .get("providers")).get(0));
        Map<String, Object> grafana = map(map(yaml(DOCKER.resolve("compose.yaml")).get("services")).get("grafana"));
        Dashboard dashboard = Dashboard.read(DOCKER.resolve("grafana/dashboards/retrobridge.json"));

        assertThat(source).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(dashboard.graphPanels()).allSatisfy(panel -> assertThat(panel.at("/datasource/uid").asText())
                .isEqualTo(source.get("uid")));
        String dashboards = (String) map(provider.get("options")).get("path");
        assertThat(list(grafana.get("volumes"))).contains("./grafana/dashboards:" + dashboards + ":ro");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
