package io.retrobridge.deploy;

import static io.retrobridge.deploy.DeploymentFiles.DOCKER;
import static io.retrobridge.deploy.DeploymentFiles.list;
import static io.retrobridge.deploy.DeploymentFiles.map;
import static io.retrobridge.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.cluster.yaml, laid over docker/compose.yaml, checked without a Docker engine: two instances of one
 * image on the one PostgreSQL, in cluster mode jdbc under distinct ids; HAProxy in front of both on port 8080,
 * checking their readiness; Prometheus scraping both; the dashboards aggregating across instances.
 */
class ClusterComposeFilesTest {

    private static final Path BASE = DOCKER.resolve("compose.yaml");
    private static final Path CLUSTER = DOCKER.resolve("compose.cluster.yaml");
    private static final Path HAPROXY = DOCKER.resolve("haproxy/haproxy.cfg");
    private static final List<String> INSTANCES = List.of("retrobridge", "retrobridge-2");

    @Test
    void everyFileTheOverrideMountsExistsAndEveryImageIsPinned() {
        Map<String, Object> services = services(CLUSTER);

        assertThat(services).containsKeys("retrobridge", "retrobridge-2", "lb", "prometheus");
        assertThat(services(BASE)).as("the override adds to compose.yaml's services").containsKeys("postgres",
                "prometheus", "grafana");
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            if (service.containsKey("image") && !service.containsKey("build")) {
                assertThat((String) service.get("image")).as("image of %s", name).matches("[^:]+:[0-9v][^:]*");
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = ((String) volume).split(":")[0];
                if (source.startsWith(".")) {
                    // Compose resolves relative paths against the first file's folder: docker/.
                    assertThat(DOCKER.resolve(source)).as("%s mounts %s", name, volume).exists();
                }
            }
        });
    }

    @Test
    void bothInstancesRunOneImageOnTheSharedDatabaseInJdbcModeUnderDistinctIds() {
        Map<String, Object> first = merged("retrobridge");
        Map<String, Object> second = merged("retrobridge-2");
        Map<String, String> firstEnv = environment(first);
        Map<String, String> secondEnv = environment(second);

        assertThat(second.get("image")).isEqualTo(first.get("image"));
        assertThat(second.get("build")).isEqualTo(first.get("build"));
        assertThat(second.get("volumes")).isEqualTo(first.get("volumes"));
        assertThat(map(second.get("depends_on"))).isEqualTo(map(first.get("depends_on")))
                .containsEntry("postgres", Map.of("condition", "service_healthy"));
        assertThat(firstEnv.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:");
        for (Map<String, String> env : List.of(firstEnv, secondEnv)) {
            assertThat(env).containsEntry("RETROBRIDGE_CLUSTER_MODE", "jdbc");
            assertThat(env.get("RETROBRIDGE_CLUSTER_INSTANCE_ID")).isNotBlank();
        }
        assertThat(firstEnv.get("RETROBRIDGE_CLUSTER_INSTANCE_ID")).isNotEqualTo(secondEnv.get("RETROBRIDGE_CLUSTER_INSTANCE_ID"));
        Map<String, String> sameButId = new LinkedHashMap<>(firstEnv);
        sameButId.put("RETROBRIDGE_CLUSTER_INSTANCE_ID", secondEnv.get("RETROBRIDGE_CLUSTER_INSTANCE_ID"));
        assertThat(secondEnv).as("retrobridge-2 is configured as retrobridge is, database and secrets included")
                .isEqualTo(sameButId);
    }

    @Test
    void everyRetroBridgeVariableOfTheOverrideSetsADeclaredSetting() {
        Set<String> declared = DeploymentFiles.declaredEnvironmentNames();
        Set<String> unknown = new TreeSet<>();
        for (String instance : INSTANCES) {
            environment(merged(instance)).keySet().stream().filter(name -> name.startsWith("RETROBRIDGE_"))
                    .filter(name -> !DeploymentFiles.isDeclared(name, declared)).forEach(unknown::add);
        }

        assertThat(unknown).as("variables no settings class declares: Spring would ignore them").isEmpty();
    }

    @Test
    void theLoadBalancerAloneTakesPort8080AndSendsToBothInstancesWhileTheyAreReady() {
        Map<String, Object> services = services(CLUSTER);
        Map<String, Object> lb = map(services.get("lb"));
        String config = DeploymentFiles.read(HAPROXY);

        assertThat(map(services.get("retrobridge")).get("ports")).as("compose.yaml's 8080:8080 is cleared")
                .isEqualTo(DeploymentFiles.Reset.CLEARED);
        assertThat(map(services.get("retrobridge-2"))).doesNotContainKey("ports");
        assertThat(list(lb.get("ports"))).containsExactly("8080:8080");
        assertThat(list(lb.get("volumes"))).contains("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat(list(lb.get("depends_on"))).containsExactlyInAnyOrderElementsOf(INSTANCES);
        assertThat(servers(config)).as("one server line per instance, at its service name and port")
                .containsExactlyInAnyOrder("retrobridge:8080", "retrobridge-2:8080");
        assertThat(config).containsPattern("(?m)^\\s*bind :8080$")
                .containsPattern("(?m)^\\s*default-server check\\b")
                .containsPattern("(?m)^\\s*http-check send meth GET uri /actuator/health/readiness$")
                .containsPattern("(?m)^\\s*http-check expect status 200$")
                .as("the dashboard's session stays with its instance")
                .containsPattern("(?m)^\\s*cookie JSESSIONID prefix\\b");
        Map<String, Object> application = yaml(Path.of("src/main/resources/application.yaml"));
        Map<String, Object> health = map(map(map(application.get("management")).get("endpoint")).get("health"));
        assertThat(map(health.get("probes"))).as("the readiness group HAProxy checks exists")
                .containsEntry("enabled", true);
        assertThat(map(application.get("server"))).containsEntry("port", 8080);
    }

    @Test
    void prometheusScrapesBothInstancesWithTheSecretKeyAndEvaluatesTheClusterRules() {
        Map<String, Object> base = map(services(BASE).get("prometheus"));
        Map<String, Object> cluster = map(services(CLUSTER).get("prometheus"));
        String baseConfigMount = mountOf(base, "./prometheus/prometheus.yml");
        Map<String, Object> config = yaml(DOCKER.resolve("prometheus/prometheus.cluster.yml"));
        Map<String, Object> scrape = map(list(config.get("scrape_configs")).get(0));
        Map<String, Object> baseScrape = map(list(yaml(DOCKER.resolve("prometheus/prometheus.yml"))
                .get("scrape_configs")).get(0));

        assertThat(mountOf(cluster, "./prometheus/prometheus.cluster.yml"))
                .as("mounted where compose.yaml mounts prometheus.yml, so it takes that file's place")
                .isEqualTo(baseConfigMount);
        assertThat(list(map(list(scrape.get("static_configs")).get(0)).get("targets")))
                .containsExactlyInAnyOrder("retrobridge:8080", "retrobridge-2:8080");
        assertThat(scrape.get("metrics_path")).isEqualTo(baseScrape.get("metrics_path"));
        assertThat(scrape.get("authorization")).isEqualTo(baseScrape.get("authorization"));
        assertThat(list(config.get("rule_files"))).containsExactly(mountOf(cluster, "./prometheus/alerts.cluster.yml"));
        List<String> alerts = new ArrayList<>();
        for (Object group : list(yaml(DOCKER.resolve("prometheus/alerts.cluster.yml")).get("groups"))) {
            list(map(group).get("rules")).forEach(rule -> alerts.add((String) map(rule).get("alert")));
        }
        assertThat(alerts).contains("RetroBridgeNoLeader", "RetroBridgeLeadershipFlapping");
    }

    @Test
    void reportGaugeQueriesAggregateAcrossInstancesAndTheInstancesDashboardShowsWhichLeads() throws IOException {
        JsonNode reports = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/retrobridge.json").toFile());
        JsonNode instances = new ObjectMapper().readTree(
                DOCKER.resolve("grafana/dashboards/retrobridge-cluster.json").toFile());
        String dataSource = (String) map(list(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"))
                .get("datasources")).get(0)).get("uid");

        List<String> reportQueries = queries(reports);
        assertThat(reportQueries).hasSizeGreaterThanOrEqualTo(11).allSatisfy(query -> assertThat(query)
                .as("gauges come from the leader only: one series per application across instances")
                .startsWith("max without (instance) (retrobridge_").endsWith(")"));
        assertThat(instances.path("uid").asText()).isNotEqualTo(reports.path("uid").asText());
        assertThat(instances.path("panels")).allSatisfy(panel -> assertThat(panel.at("/datasource/uid").asText())
                .isEqualTo(dataSource));
        assertThat(queries(instances)).contains("max by (instance) (retrobridge_cluster_leader)",
                "sum(retrobridge_cluster_leader)");
    }

    private static Map<String, Object> services(Path file) {
        return map(yaml(file).get("services"));
    }

    /**
     * A service as Compose merges the two files for the keys this test reads: the override's environment entries
     * over the base's, the rest taken from the override when it sets them.
     */
    private static Map<String, Object> merged(String service) {
        Map<String, Object> base = map(services(BASE).getOrDefault(service, Map.of()));
        Map<String, Object> override = map(services(CLUSTER).get(service));
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            if (!"environment".equals(key)) {
                merged.put(key, value);
            }
        });
        Map<String, Object> environment = new LinkedHashMap<>(map(base.getOrDefault("environment", Map.of())));
        environment.putAll(map(override.getOrDefault("environment", Map.of())));
        merged.put("environment", environment);
        return merged;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service.get("environment")).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    /** Where a service mounts a file of the repository. */
    private static String mountOf(Map<String, Object> service, String source) {
        return list(service.get("volumes")).stream().map(String.class::cast)
                .filter(volume -> volume.startsWith(source + ":")).map(volume -> volume.split(":")[1]).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of " + source + " in " + service.get("volumes")));
    }

    private static List<String> servers(String haproxyConfig) {
        List<String> servers = new ArrayList<>();
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+\\S+\\s+(\\S+)").matcher(haproxyConfig);
        while (server.find()) {
            servers.add(server.group(1));
        }
        return servers;
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            List<JsonNode> panels = "row".equals(panel.path("type").asText()) ? nodes(panel.path("panels")) : List.of(panel);
            panels.forEach(graph -> graph.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
        });
        return queries;
    }

    private static List<JsonNode> nodes(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
