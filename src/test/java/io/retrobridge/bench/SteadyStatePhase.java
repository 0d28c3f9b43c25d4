package io.retrobridge.bench;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After the backfill, people edit titles at a set rate, alternating Jira and ServiceNow, each edit on an item
 * nobody else is editing, with a token no other edit carries. Webhooks tell the connector (it polls only hourly
 * here, so the webhooks carry every edit). Propagation latency is the time between the person's edit and the connector's write of the
 * token on the other side, both as the simulators logged them; writes per edit counts every write the
 * simulators answered 2xx during the phase that was not a person's edit.
 */
final class SteadyStatePhase {

    record Result(int edits, double seconds, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
            long notPropagated, long connectorWrites, double writesPerEdit, long refused429) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("edits", edits);
            map.put("seconds", BackfillPhase.round(seconds));
            map.put("propagationP50Millis", p50Millis);
            map.put("propagationP95Millis", p95Millis);
            map.put("propagationP99Millis", p99Millis);
            map.put("propagationMaxMillis", maxMillis);
            map.put("notPropagated", notPropagated);
            map.put("connectorWrites", connectorWrites);
            map.put("writesPerEdit", BackfillPhase.round(writesPerEdit));
            map.put("refused429", refused429);
            return map;
        }
    }

    private record Edit(String token, boolean inJira, String id) {
    }

    private SteadyStatePhase() {
    }

    static Result run(BenchSettings settings, BenchSystems systems, ConnectorProcess connector) throws Exception {
        Map<String, String> taskIds = systems.taskIdsByTitle();
        Progress.say("steady state: webhooks on; %d edits per second for %d s", settings.editsPerSecond(),
                settings.steadySeconds());
        systems.subscribe(connector.baseUrl());
        systems.jira.requests().clear();
        systems.servicenow.requests().clear();
        int total = settings.editsPerSecond() * settings.steadySeconds();
        List<Edit> edits = plan(total, settings.items(), taskIds);
        long periodNanos = 1_000_000_000L / settings.editsPerSecond();
        long started = System.nanoTime();
        // A few senders, so one slow answer does not hold back the next edit's moment.
        ExecutorService people = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            long due = started + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Edit edit = edits.get(i);
            sent.add(people.submit(() -> {
                if (edit.inJira()) {
                    systems.editJiraTitle(edit.id(), edit.token());
                } else {
                    systems.editTaskTitle(edit.id(), edit.token());
                }
            }));
            if (i > 0 && i % (settings.editsPerSecond() * 10) == 0) {
                Progress.say("steady state: %d of %d edits sent", i, total);
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        people.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        Progress.say("steady state: all %d edits sent in %.1f s; waiting for them to arrive", total, seconds);
        awaitPropagation(systems, edits, connector);
        return measure(systems, edits, seconds);
    }

    /** Jira and ServiceNow by turns, each edit on a different item, titles that appear nowhere else. */
    private static List<Edit> plan(int total, int items, Map<String, String> taskIds) {
        if (total > items) {
            throw new IllegalArgumentException("steady state needs at least as many items (" + items
                    + ") as edits (" + total + "); raise bench.items or lower the edit rate or duration");
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String token = "Steady edit " + i + " " + Long.toHexString(System.nanoTime());
            // Item i+1 was seeded as PAY-(i+1) in an empty project; its ServiceNow copy carries the same title.
            if (i % 2 == 0) {
                edits.add(new Edit(token, true, "PAY-" + (i + 1)));
            } else {
                edits.add(new Edit(token, false, taskIds.get(BackfillPhase.TITLE + (i + 1))));
            }
        }
        return edits;
    }

    private static void awaitPropagation(BenchSystems systems, List<Edit> edits, ConnectorProcess connector)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long pending = SandboxPair.json(AdminApi.get(connector.port(), "/api/admin/sync/status")).path("pendingEvents").asLong();
            if (pending == 0 && arrivals(systems, edits).size() == edits.size()) {
                break;
            }
            Thread.sleep(250);
        }
        // Late echoes would show up now as extra writes.
        Thread.sleep(3000);
    }

    /** The moment each edit's token was written on the other side, by edit index. */
    private static Map<Integer, Long> arrivals(BenchSystems systems, List<Edit> edits) {
        Map<String, Integer> byToken = new HashMap<>();
        for (int i = 0; i < edits.size(); i++) {
            byToken.put(edits.get(i).token(), i);
        }
        Map<Integer, Long> arrived = new HashMap<>();
        record(systems.servicenow.requests().all(), byToken, edits, false, arrived);
        record(systems.jira.requests().all(), byToken, edits, true, arrived);
        return arrived;
    }

    // Writes on side `jiraSide` carrying the token of an edit made on the other side.
    private static void record(List<RequestLog.Entry> log, Map<String, Integer> byToken, List<Edit> edits,
            boolean jiraSide, Map<Integer, Long> arrived) {
        for (RequestLog.Entry e : log) {
            if (!e.isWrite() || e.status() >= 300 || e.body() == null) {
                continue;
            }
            int at = e.body().indexOf("Steady edit ");
            if (at < 0) {
                continue;
            }
            int end = e.body().indexOf('"', at);
            Integer index = byToken.get(e.body().substring(at, end < 0 ? e.body().length() : end));
            if (index != null && edits.get(index).inJira() != jiraSide) {
                arrived.merge(index, e.at().toEpochMilli(), Math::min);
            }
        }
    }

    private static Result measure(BenchSystems systems, List<Edit> edits, double seconds) {
        List<RequestLog.Entry> jira = systems.jira.requests().all();
        List<RequestLog.Entry> servicenow = systems.servicenow.requests().all();
        Map<Integer, Long> arrived = arrivals(systems, edits);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            Long at = arrived.get(i);
            Long edited = editTime(edits.get(i), jira, servicenow);
            if (at != null && edited != null) {
                latencies.add(at - edited);
            }
        }
        latencies.sort(Long::compare);
        long writes = BenchSystems.successfulWrites(jira) + BenchSystems.successfulWrites(servicenow) - edits.size();
        return new Result(edits.size(), seconds, percentile(latencies, 50), percentile(latencies, 95),
                percentile(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1),
                edits.size() - arrived.size(), writes, (double) writes / edits.size(),
                RequestShapes.refused(jira) + RequestShapes.refused(servicenow));
    }

    /** When the person's own edit was answered, as the simulator logged it. */
    private static Long editTime(Edit edit, List<RequestLog.Entry> jira, List<RequestLog.Entry> servicenow) {
        List<RequestLog.Entry> log = edit.inJira() ? jira : servicenow;
        String method = edit.inJira() ? "PUT" : "PATCH";
        for (RequestLog.Entry e : log) {
            if (e.method().equals(method) && e.status() < 300 && e.body() != null && e.body().contains(edit.token())
                    && e.path().endsWith(edit.id())) {
                return e.at().toEpochMilli();
            }
        }
        return null;
    }

    static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
