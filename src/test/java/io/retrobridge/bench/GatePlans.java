package io.retrobridge.bench;

import io.retrobridge.gate.facts.LocalGateFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans, as executed ({@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL, {@code EXPLAIN ANALYZE} on H2), of the five reads {@link LocalGateFacts}
 * makes for one application, with the parameters it would bind. The statements are those of the stores
 * (JdbcRetrospectiveStore.list, JdbcRetrospectiveFollowUps.ofRetrospectives, JdbcLinkStore.findByExternalIds,
 * JdbcEscalationStore.unresolvedOf, JdbcFollowUpStore.forItems), their column lists shortened to {@code *}.
 */
final class GatePlans {

    /** PostgreSQL's {@code '{a,b,...}'} and H2's {@code IN(a, b, ...)}. */
    private static final Pattern LONG_LIST = Pattern.compile("'\\{([^}]{120,})}'|IN\\(([^()]{120,})\\)");

    private GatePlans() {
    }

    static String explain(JdbcClient jdbc, boolean postgres, String application) {
        StringBuilder out = new StringBuilder();
        String retrospectivesSql = "SELECT * FROM retrospectives WHERE application = :application"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
        Map<String, Object> byApplication = Map.of("application", application, "limit",
                LocalGateFacts.RETROSPECTIVES_READ, "offset", 0);
        List<UUID> retrospectives = jdbc.sql(retrospectivesSql.replace("*", "id")).params(byApplication)
                .query(UUID.class).list();
        plan(jdbc, postgres, out, "latest retrospectives", retrospectivesSql, byApplication);
        String followUpsSql = """
                SELECT r.retrospective_id, f.task_sys_id
                FROM retrospective_follow_up_refreshes r
                LEFT JOIN retrospective_follow_ups f ON f.retrospective_id = r.retrospective_id
                WHERE r.retrospective_id IN (:ids)
                ORDER BY r.retrospective_id, f.task_sys_id""";
        Map<String, Object> byRetrospectives = Map.of("ids", retrospectives);
        List<String> tasks = jdbc.sql(followUpsSql).params(byRetrospectives)
                .query((row, n) -> row.getString("task_sys_id")).list();
        plan(jdbc, postgres, out, "their follow-ups (" + retrospectives.size() + " retrospectives)", followUpsSql,
                byRetrospectives);
        String linksSql = """
                SELECT l.id, l.kind, l.correlation_id, l.version,
                       e.external_system AS id_system, e.external_id,
                       s.external_system AS snapshot_system, s.fields_json, s.taken_at
                  FROM links l
                  LEFT JOIN link_external_ids e ON e.link_id = l.id
                  LEFT JOIN link_snapshots s ON s.link_id = l.id
                 WHERE l.id IN (SELECT x.link_id FROM link_external_ids x
                                 WHERE x.external_system = :system AND x.external_id IN (:externalIds))
                 ORDER BY l.id""";
        Map<String, Object> byTasks = Map.of("system", "SERVICENOW", "externalIds", tasks);
        List<String> itemKeys = jdbc.sql("SELECT l.correlation_id FROM links l WHERE l.id IN (SELECT x.link_id FROM"
                        + " link_external_ids x WHERE x.external_system = :system AND x.external_id IN (:externalIds))")
                .params(byTasks).query(String.class).list();
        plan(jdbc, postgres, out, "links of " + tasks.size() + " tasks, with ids and snapshots", linksSql, byTasks);
        Map<String, Object> byItems = Map.of("itemKeys", itemKeys);
        plan(jdbc, postgres, out, "unresolved escalations of " + itemKeys.size() + " items", "SELECT * FROM escalations WHERE"
                + " state IN ('CLAIMED', 'RAISED') AND item_key IN (:itemKeys) ORDER BY claimed_at, item_key,"
                + " ladder_id, step_id", byItems);
        plan(jdbc, postgres, out, "display keys of " + itemKeys.size() + " items", "SELECT * FROM follow_up_facts WHERE"
                + " item_key IN (:itemKeys) ORDER BY item_key", byItems);
        return out.toString();
    }

    private static void plan(JdbcClient jdbc, boolean postgres, StringBuilder out, String title, String sql, Map<String, Object> params) {
        out.append("-- ").append(title).append('\n');
        // PostgreSQL answers a row per line; H2 one row holding every line (scan counts as comments).
        String explain = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        jdbc.sql(explain + sql).params(params).query(String.class).list().stream()
                .flatMap(row -> row.lines()).forEach(line -> out.append("   ").append(shortened(line)).append('\n'));
    }

    /** A bound list of hundreds of values, as PostgreSQL prints it, cut to its first values and its length. */
    static String shortened(String planLine) {
        Matcher list = LONG_LIST.matcher(planLine);
        StringBuilder out = new StringBuilder();
        while (list.find()) {
            boolean array = list.group(1) != null;
            String[] values = (array ? list.group(1) : list.group(2)).split(",");
            String first = String.join(",", Arrays.copyOf(values, 2)) + ",... " + values.length + " values";
            list.appendReplacement(out, Matcher.quoteReplacement(array ? "'{" + first + "}'" : "IN(" + first + ")"));
        }
        list.appendTail(out);
        return out.toString();
    }
}
