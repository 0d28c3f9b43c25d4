package io.retrobridge.deploy;

import static io.retrobridge.deploy.DeploymentFiles.DOCKER;
import static io.retrobridge.deploy.DeploymentFiles.list;
import static io.retrobridge.deploy.DeploymentFiles.map;
import static io.retrobridge.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.FileSystemResource;

/**
 * The Kubernetes example in docker/k8s, checked without a cluster: it parses; two replicas elect through the shared
 * database (cluster mode jdbc, the pod's name as instance id) and so need no access to the Kubernetes API; the probes
 * are Boot's probe groups, enabled in application.yaml; a stop has time for an orderly hand-over; every RETROBRIDGE_*
 * variable it sets names a declared setting; the Service reaches the pods.
 */
class KubernetesExampleTest {

    private static final Path K8S = DOCKER.resolve("k8s");
    /** Spring Boot's default spring.lifecycle.timeout-per-shutdown-phase: requests in flight finish within it. */
    private static final Duration BOOT_SHUTDOWN_PHASE = Duration.ofSeconds(30);
    /** Camel's default camel.main.shutdown-timeout (seconds): exchanges in flight (inbox syncs) end within it. */
    private static final Duration CAMEL_SHUTDOWN = Duration.ofSeconds(45);

    @Test
    void everyManifestParsesAndTheKustomizationListsAllButTheSecretExample() throws IOException {
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(K8S)) {
            files.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
                DeploymentFiles.documents(file).forEach(document -> assertThat(document)
                        .as("%s", file).containsKey("apiVersion").containsKey("kind"));
                manifests.add(file.getFileName().toString());
            });
        }
        List<Object> resources = list(yaml(K8S.resolve("kustomization.yaml")).get("resources"));

        assertThat(resources).containsExactlyInAnyOrder("deployment.yaml", "service.yaml", "pdb.yaml");
        Set<String> unlisted = new TreeSet<>(manifests);
        resources.forEach(unlisted::remove);
        assertThat(unlisted).as("placeholders are never applied").containsExactlyInAnyOrder("kustomization.yaml",
                "secret.example.yaml");
        assertThat(kinds()).as("jdbc mode needs no Lease, so no Role or RoleBinding")
                .doesNotContain("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount");
    }

    @Test
    void twoReplicasElectThroughTheDatabaseEachUnderItsPodName() {
        Map<String, Object> spec = map(deployment().get("spec"));
        Map<String, Object> pod = podSpec();
        Map<String, Object> container = container();
        Map<String, Object> env = env(container);

        assertThat(spec.get("replicas")).isEqualTo(2);
        assertThat(env).containsEntry("RETROBRIDGE_CLUSTER_MODE", "jdbc");
        assertThat(env.get("RETROBRIDGE_CLUSTER_INSTANCE_ID"))
                .isEqualTo(Map.of("valueFrom", Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
        assertThat(pod).containsEntry("automountServiceAccountToken", false);
        String secretName = (String) map(map(list(container.get("envFrom")).get(0)).get("secretRef")).get("name");
        Map<String, Object> secret = yaml(K8S.resolve("secret.example.yaml"));
        assertThat(map(secret.get("metadata"))).containsEntry("name", secretName);
        assertThat(map(secret.get("stringData")))
                .as("every instance on the same PostgreSQL").containsKeys("SPRING_DATASOURCE_URL",
                        "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")
                .extractingByKey("SPRING_DATASOURCE_URL").asString().startsWith("jdbc:postgresql://");
    }

    @Test
    void everyRetroBridgeVariableOfTheExampleSetsADeclaredSetting() {
        Set<String> variables = new TreeSet<>(env(container()).keySet());
        variables.addAll(map(yaml(K8S.resolve("secret.example.yaml")).get("stringData")).keySet());
        Set<String> declared = DeploymentFiles.declaredEnvironmentNames();

        assertThat(variables).contains("RETROBRIDGE_CLUSTER_MODE", "RETROBRIDGE_JIRA_BASE_URL");
        assertThat(variables.stream().filter(name -> name.startsWith("RETROBRIDGE_"))
                .filter(name -> !DeploymentFiles.isDeclared(name, declared)).toList())
                .as("variables no settings class declares: Spring would ignore them").isEmpty();
    }

    @Test
    void theProbesAreBootsProbeGroupsWhichApplicationYamlEnables() {
        Map<String, Object> container = container();
        Properties application = applicationYaml();
        String port = (String) map(list(container.get("ports")).get(0)).get("name");

        assertThat(application.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(application.getProperty("server.port")).isEqualTo(
                String.valueOf(map(list(container.get("ports")).get(0)).get("containerPort")));
        assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", port);
        assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", port);
        assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness");
    }

    @Test
    void aStopHasTimeForTheShutdownPhasesSoTheLeaderHandsOverInOrder() {
        Properties application = applicationYaml();
        Duration bootPhase = duration(application, "spring.lifecycle.timeout-per-shutdown-phase", BOOT_SHUTDOWN_PHASE);
        // Whole seconds, as Camel reads it.
        Duration camel = application.getProperty("camel.main.shutdown-timeout") == null ? CAMEL_SHUTDOWN
                : Duration.ofSeconds(Long.parseLong(application.getProperty("camel.main.shutdown-timeout")));
        List<Object> preStop = list(map(map(map(container().get("lifecycle")).get("preStop")).get("exec")).get("command"));
        Duration pause = Duration.ofSeconds(Long.parseLong((String) preStop.get(1)));

        assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(preStop.get(0)).isEqualTo("sleep");
        assertThat(Duration.ofSeconds(((Number) podSpec().get("terminationGracePeriodSeconds")).longValue()))
                .as("preStop pause, then requests in flight, then Camel's exchanges in flight")
                .isGreaterThanOrEqualTo(pause.plus(bootPhase).plus(camel));
        Map<String, Object> rollout = map(map(map(deployment().get("spec")).get("strategy")).get("rollingUpdate"));
        assertThat(rollout).as("a rollout never stops the only ready pod").containsEntry("maxUnavailable", 0);
        Map<String, Object> budget = DeploymentFiles.documents(K8S.resolve("pdb.yaml")).get(0);
        assertThat(map(budget.get("spec"))).containsEntry("minAvailable", 1);
    }

    @Test
    void theServiceAndTheBudgetSelectThePodsAndTheMappingsAreMountedWhereTheServiceReadsThem() {
        Map<String, Object> labels = map(map(map(map(deployment().get("spec")).get("template")).get("metadata"))
                .get("labels"));
        Map<String, Object> service = DeploymentFiles.documents(K8S.resolve("service.yaml")).get(0);
        Map<String, Object> budget = DeploymentFiles.documents(K8S.resolve("pdb.yaml")).get(0);
        Map<String, Object> container = container();
        Map<String, Object> mount = map(list(container.get("volumeMounts")).get(0));
        Map<String, Object> volume = map(list(podSpec().get("volumes")).get(0));

        assertThat(labels).containsAllEntriesOf(map(map(service.get("spec")).get("selector")))
                .containsAllEntriesOf(map(map(map(budget.get("spec")).get("selector")).get("matchLabels")));
        assertThat(map(list(map(service.get("spec")).get("ports")).get(0)).get("targetPort"))
                .isEqualTo(map(list(container.get("ports")).get(0)).get("name"));
        // The image works in /app (docker/Dockerfile WORKDIR) and retrobridge.mappings.dir defaults to ./mappings.
        assertThat(DeploymentFiles.read(DOCKER.resolve("Dockerfile"))).containsPattern("(?m)^WORKDIR /app$");
        assertThat(mount).containsEntry("mountPath", "/app/mappings").containsEntry("name", volume.get("name"));
        assertThat(map(volume.get("configMap"))).containsKey("name");
    }

    private static Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.list(K8S)) {
            files.filter(file -> file.toString().endsWith(".yaml"))
                    .forEach(file -> DeploymentFiles.documents(file).forEach(document -> kinds.add((String) document.get("kind"))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return kinds;
    }

    private static Map<String, Object> deployment() {
        Map<String, Object> deployment = DeploymentFiles.documents(K8S.resolve("deployment.yaml")).get(0);
        assertThat(deployment).containsEntry("kind", "Deployment");
        return deployment;
    }

    private static Map<String, Object> podSpec() {
        return map(map(map(deployment().get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container() {
        List<Object> containers = list(podSpec().get("containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    /** The container's env entries by name: the value, or the whole entry without its name when it is not a value. */
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = new LinkedHashMap<>(map(entry));
            String name = (String) variable.remove("name");
            env.put(name, variable.containsKey("value") ? variable.get("value") : variable);
        }
        return env;
    }

    private static Map<String, Object> probe(Map<String, Object> container, String kind) {
        return map(map(container.get(kind)).get("httpGet"));
    }

    private static Properties applicationYaml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
        return yaml.getObject();
    }

    private static Duration duration(Properties settings, String key, Duration otherwise) {
        String value = settings.getProperty(key);
        return value == null ? otherwise : DurationStyle.detectAndParse(value);
    }
}
