package io.retrobridge.bench;

import io.retrobridge.sandbox.RequestLog;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Requests counted by what they do rather than which record they touch: {@code GET /rest/api/3/issue/{id}},
 * {@code POST /api/now/table/problem_task}. Measured from the simulators' logs, so a figure per item is what
 * the connector really sent.
 */
final class RequestShapes {

    private static final Pattern JIRA_ISSUE = Pattern.compile("(/rest/api/3/issue/)[^/]+");
    private static final Pattern TABLE_RECORD = Pattern.compile("(/api/now/table/[a-z_]+/)[0-9a-f]{32}");

    private RequestShapes() {
    }

    static String of(RequestLog.Entry entry) {
        String path = JIRA_ISSUE.matcher(entry.path()).replaceFirst("$1{id}");
        path = TABLE_RECORD.matcher(path).replaceFirst("$1{sys_id}");
        return entry.method() + " " + path + (entry.status() == 429 ? " (429)" : "");
    }

    /** How many requests of each shape, per item. */
    static Map<String, Double> perItem(List<RequestLog.Entry> log, int items) {
        Map<String, Double> shapes = new TreeMap<>();
        log.forEach(e -> shapes.merge(of(e), 1.0 / items, Double::sum));
        shapes.replaceAll((shape, n) -> Math.round(n * 1000) / 1000.0);
        return shapes;
    }

    /** Requests per item that were answered (not refused with 429). */
    static double answeredPerItem(List<RequestLog.Entry> log, int items) {
        return (double) log.stream().filter(e -> e.status() != 429).count() / items;
    }

    static long refused(List<RequestLog.Entry> log) {
        return log.stream().filter(e -> e.status() == 429).count();
    }
}
