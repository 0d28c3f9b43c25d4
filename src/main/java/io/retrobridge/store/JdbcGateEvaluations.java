package io.retrobridge.store;

import io.retrobridge.sync.GateEvaluations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The gate_evaluations table: one row per answer, never changed once written. */
@Repository
public class JdbcGateEvaluations implements GateEvaluations {

    private final JdbcClient jdbc;

    public JdbcGateEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Evaluation evaluation) {
        try {
            jdbc.sql("""
                            INSERT INTO gate_evaluations (id, gate, application, version, environment, commit_sha,
                                   change_number, requester, decision, reason, answer_json, decided_at, request_key)
                            VALUES (:id, :gate, :application, :version, :environment, :commitSha, :changeNumber,
                                   :requester, :decision, :reason, :answer, :decidedAt, :requestKey)
                            """)
                    .param("id", evaluation.id().toString())
                    .param("gate", evaluation.gate())
                    .param("application", evaluation.application())
                    .param("version", evaluation.version())
                    .param("environment", evaluation.environment())
                    .param("commitSha", evaluation.commitSha())
                    .param("changeNumber", evaluation.changeNumber())
                    .param("requester", evaluation.requester())
                    .param("decision", evaluation.decision())
                    .param("reason", evaluation.reason())
                    .param("answer", evaluation.answerJson())
                    .param("decidedAt", SqlInstants.toColumn(evaluation.decidedAt()))
                    .param("requestKey", evaluation.requestKey())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("gate evaluation " + evaluation.id() + (evaluation.requestKey() == null
                    ? "" : " or an answer to request " + evaluation.requestKey()) + " is kept already; an answer is "
                    + "never replaced", e);
        }
    }

    @Override
    public Optional<Evaluation> find(UUID id) {
        return jdbc.sql("SELECT * FROM gate_evaluations WHERE id = :id").param("id", id.toString())
                .query(JdbcGateEvaluations::evaluation).optional();
    }

    @Override
    public Optional<Evaluation> findByRequestKey(String requestKey) {
        return jdbc.sql("SELECT * FROM gate_evaluations WHERE request_key = :key").param("key", requestKey)
                .query(JdbcGateEvaluations::evaluation).optional();
    }

    @Override
    public List<Evaluation> search(Search search, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM gate_evaluations" + where
                        + " ORDER BY decided_at DESC, id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query(JdbcGateEvaluations::evaluation).list();
    }

    @Override
    public Map<String, Long> countByDecision(Search search) {
        Map<String, Object> params = new HashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT decision, COUNT(*) AS answers FROM gate_evaluations" + where(search, params)
                        + " GROUP BY decision").params(params)
                .query((row, rowNum) -> counts.put(row.getString("decision"), row.getLong("answers"))).list();
        return counts;
    }

    // Only fixed conditions are added; the values travel as parameters.
    private static String where(Search search, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        condition(where, params, "application = :application", "application", search.application());
        condition(where, params, "gate = :gate", "gate", search.gate());
        condition(where, params, "decision = :decision", "decision", search.decision());
        condition(where, params, "decided_at >= :from", "from",
                search.from() == null ? null : SqlInstants.toColumn(search.from()));
        condition(where, params, "decided_at < :to", "to",
                search.to() == null ? null : SqlInstants.toColumn(search.to()));
        return where.isEmpty() ? "" : " WHERE" + where.substring(4);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name,
            Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }
    }

    @Override
    public List<Evaluation> recentFor(String application, int limit) {
        return jdbc.sql("""
                        SELECT * FROM gate_evaluations WHERE application = :application
                         ORDER BY decided_at DESC, id LIMIT :limit
                        """)
                .param("application", application).param("limit", limit)
                .query(JdbcGateEvaluations::evaluation).list();
    }

    private static Evaluation evaluation(ResultSet row, int rowNum) throws SQLException {
        return new Evaluation(UUID.fromString(row.getString("id")), row.getString("gate"),
                row.getString("application"), row.getString("version"), row.getString("environment"),
                row.getString("commit_sha"), row.getString("change_number"), row.getString("requester"),
                row.getString("decision"), row.getString("reason"), row.getString("answer_json"),
                SqlInstants.fromColumn(row, "decided_at"), row.getString("request_key"));
    }
}
