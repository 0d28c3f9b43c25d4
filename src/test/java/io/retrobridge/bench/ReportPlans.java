package io.retrobridge.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans, as executed ({@code EXPLAIN (ANALYZE, BUFFERS)}), of the reports' reads on PostgreSQL, with the
 * parameters a one-year report binds: the statements of JdbcDeliveryHistory.finishedBetween (portfolio and one
 * application), JdbcAlertStore.activeBetween (one service and many), JdbcRetrospectiveStore.list,
 * JdbcFollowUpStates.of and JdbcEscalationStore.forFollowUpsOf, their column lists shortened.
 */
final class ReportPlans {

    private ReportPlans() {
    }

    static String explain(JdbcClient jdbc, String application, Instant now) {
        OffsetDateTime to = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime from = to.minusDays(365);
        StringBuilder out = new StringBuilder();
        String runs = "SELECT * FROM deployments WHERE environment = :environment AND finished_at >= :from"
                + " AND finished_at < :to";
        String order = " ORDER BY finished_at, source_system, run_id";
        plan(jdbc, out, "delivery: every application's production runs in a year", runs + order,
                Map.of("environment", "production", "from", from, "to", to));
        plan(jdbc, out, "delivery: one application's production runs in a year", runs
                + " AND application = :application" + order, Map.of("environment", "production", "from", from,
                "to", to, "application", application));
        plan(jdbc, out, "delivery: one service's alerts active in a year", "SELECT * FROM alerts WHERE service ="
                + " :service AND starts_at < :to AND (ends_at IS NULL OR ends_at > :from) ORDER BY starts_at,"
                + " group_key, fingerprint", Map.of("service", application, "from", from, "to", to));
        List<String> services = jdbc.sql("SELECT DISTINCT application FROM deployments ORDER BY application LIMIT 500")
                .query(String.class).list();
        plan(jdbc, out, "delivery: " + services.size() + " services' alerts active in a year", "SELECT * FROM alerts"
                + " WHERE service IN (:services) AND starts_at < :to AND (ends_at IS NULL OR ends_at > :from)"
                + " ORDER BY service, starts_at, group_key, fingerprint",
                Map.of("services", services, "from", from, "to", to));
        plan(jdbc, out, "effectiveness: retrospectives opened since a year ago, a page", "SELECT * FROM"
                + " retrospectives WHERE created_at >= :since ORDER BY created_at DESC, id DESC LIMIT 500 OFFSET 0",
                Map.of("since", from));
        List<UUID> retrospectives = jdbc.sql("SELECT retrospective_id FROM retrospective_follow_up_refreshes"
                + " ORDER BY retrospective_id LIMIT 1000").query(UUID.class).list();
        plan(jdbc, out, "effectiveness: the follow-up states of " + retrospectives.size() + " retrospectives",
                "SELECT r.retrospective_id, f.task_sys_id, l.correlation_id, s.external_system, s.taken_at,"
                        + " s.item_status, s.item_due_date, s.item_failure_mode, ff.display_key, ff.completed_on FROM"
                        + " retrospective_follow_up_refreshes r"
                        + " LEFT JOIN retrospective_follow_ups f ON f.retrospective_id = r.retrospective_id"
                        + " LEFT JOIN link_external_ids x ON x.external_system = 'SERVICENOW'"
                        + " AND x.external_id = f.task_sys_id LEFT JOIN links l ON l.id = x.link_id"
                        + " LEFT JOIN link_snapshots s ON s.link_id = l.id"
                        + " LEFT JOIN follow_up_facts ff ON ff.item_key = l.correlation_id"
                        + " WHERE r.retrospective_id IN (:ids)",
                Map.of("ids", retrospectives));
        plan(jdbc, out, "effectiveness: the escalations of those retrospectives' follow-ups", "SELECT * FROM"
                + " escalations WHERE item_key IN (SELECT l.correlation_id FROM retrospective_follow_ups f"
                + " JOIN link_external_ids x ON x.external_system = 'SERVICENOW' AND x.external_id = f.task_sys_id"
                + " JOIN links l ON l.id = x.link_id WHERE f.retrospective_id IN (:ids))"
                + " ORDER BY item_key, claimed_at, ladder_id, step_id", Map.of("ids", retrospectives));
        return out.toString();
    }

    private static void plan(JdbcClient jdbc, StringBuilder out, String title, String sql, Map<String, Object> params) {
        out.append("-- ").append(title).append('\n');
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).params(params).query(String.class).list()
                .forEach(line -> out.append("   ").append(GatePlans.shortened(line)).append('\n'));
    }
}
