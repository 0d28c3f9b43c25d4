package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance is named as set, else by its container's HOSTNAME, else by host and port. */
class InstanceIdTest {

    private static ClusterProperties named(String instanceId) {
        ClusterProperties defaults = ClusterProperties.defaults();
        return new ClusterProperties(ClusterMode.JDBC, instanceId, defaults.namespace(), defaults.leaderRoutes(),
                defaults.lockTtl(), defaults.heartbeat());
    }

    @Test
    void theSettingWins() {
        assertThat(InstanceId.resolve(named(" node-1 "), Map.of("HOSTNAME", "pod-7")::get, "8080")).isEqualTo("node-1");
    }

    @Test
    void elseTheContainersHostname() {
        assertThat(InstanceId.resolve(named(""), Map.of("HOSTNAME", "retrobridge-5d9c7-abcde")::get, "8080"))
                .isEqualTo("retrobridge-5d9c7-abcde");
    }

    @Test
    void elseTheHostNameAndTheServerPortSoTwoProcessesOnOneHostDiffer() {
        String first = InstanceId.resolve(named(null), Map.<String, String>of()::get, "8080");
        String second = InstanceId.resolve(named(null), Map.<String, String>of()::get, "8081");

        assertThat(first).endsWith(":8080");
        assertThat(second).endsWith(":8081");
        assertThat(first).isNotEqualTo(second);
    }
}
