package io.retrobridge.bench;

import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.ConnectorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts the connector for a benchmark phase, as its own process, against that phase's simulators. */
final class Connector {

    /**
     * The same heap limit and garbage collector for every process measured, connector and baseline alike: a small
     * container's by default; {@code -Dbench.connector-jvm="-XX:MaxRAMPercentage=75"} measures with the image's.
     */
    static final List<String> JVM_OPTIONS = List.of(System.getProperty("bench.connector-jvm",
            "-Xmx512m -XX:+UseSerialGC").trim().split("\\s+"));

    private Connector() {
    }

    static ConnectorProcess start(BenchSettings settings, BenchSystems systems, Path database, boolean syncEnabled,
            String logName, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(ConnectorSettings.against(systems.jira, systems.servicenow, database));
        all.putAll(ConnectorSettings.resilience(5, "500ms", "30s", "5s", settings.jiraRequestsPerSecond(),
                settings.serviceNowRequestsPerSecond()));
        all.put("retrobridge.sync.enabled", String.valueOf(syncEnabled));
        all.put("retrobridge.sync.workers", String.valueOf(settings.workers()));
        all.put("retrobridge.sync.drain-interval", settings.drainInterval());
        all.put("retrobridge.sync.first-poll-delay", "1s");
        all.putAll(extra);
        return ConnectorProcess.start(all, JVM_OPTIONS, Path.of("target", "bench", "logs", logName + ".log"),
                Duration.ofSeconds(120));
    }
}
