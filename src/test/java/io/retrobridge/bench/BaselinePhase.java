package io.retrobridge.bench;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link BaselineClient} in its own JVM against the same simulators and reads what it measured. */
final class BaselinePhase {

    record Result(int items, double seconds, double itemsPerSecond, double cpuMillisPerItem, double jitCpuMillisPerItem,
            long peakRssKb,
            double requestsPerItem, Map<String, Double> requestShapesPerItem) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("items", items);
            map.put("seconds", BackfillPhase.round(seconds));
            map.put("itemsPerSecond", BackfillPhase.round(itemsPerSecond));
            map.put("cpuMillisPerItem", BackfillPhase.round(cpuMillisPerItem));
            map.put("jitCompilerCpuMillisPerItem", BackfillPhase.round(jitCpuMillisPerItem));
            map.put("peakRssKb", peakRssKb);
            map.put("requestsPerItem", BackfillPhase.round(requestsPerItem));
            map.put("requestShapesPerItem", requestShapesPerItem);
            return map;
        }
    }

    private BaselinePhase() {
    }

    static Result run(BenchSettings settings, BenchSystems systems) throws IOException, InterruptedException {
        int items = Math.min(settings.baselineItems(), settings.items());
        Progress.say("baseline: a bare java.net.http client, own JVM, %d items, %d at once", items, settings.workers());
        systems.jira.requests().clear();
        systems.servicenow.requests().clear();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(Connector.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BaselineClient.class.getName(),
                systems.jira.baseUrl().toString(), SandboxPair.SYNC_EMAIL + ":" + SandboxPair.SYNC_TOKEN,
                systems.servicenow.baseUrl().toString(), SandboxPair.SYNC_USER + ":" + SandboxPair.SYNC_PASSWORD,
                String.valueOf(items), "1", String.valueOf(settings.workers()),
                String.valueOf(settings.jiraRequestsPerSecond()), String.valueOf(settings.serviceNowRequestsPerSecond())));
        Path log = Files.createDirectories(Path.of("target", "bench", "logs")).resolve("baseline.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the baseline client failed; see " + log.toAbsolutePath());
        }
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("baseline ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result line in " + log.toAbsolutePath()));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("baseline ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        List<RequestLog.Entry> all = new ArrayList<>(systems.jira.requests().all());
        List<RequestLog.Entry> servicenow = systems.servicenow.requests().all();
        Map<String, Double> shapes = new LinkedHashMap<>();
        RequestShapes.perItem(all, items).forEach((shape, n) -> shapes.put("jira " + shape, n));
        RequestShapes.perItem(servicenow, items).forEach((shape, n) -> shapes.put("servicenow " + shape, n));
        all.addAll(servicenow);
        double seconds = Double.parseDouble(values.get("seconds"));
        return new Result(items, seconds, items / seconds, Double.parseDouble(values.get("cpuMillis")) / items,
                Double.parseDouble(values.get("jitCpuMillis")) / items,
                Long.parseLong(values.get("peakRssKb")), RequestShapes.answeredPerItem(all, items), shapes);
    }
}
