package io.retrobridge.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every answer the deployment gate gave, kept as served: a caller polling its status URL reads the same answer, and
 * who asked what and why it was answered so stays on record.
 */
public interface GateEvaluations {

    /**
     * One answer.
     *
     * @param id           the evaluation id callers poll by
     * @param version      null when the caller gave none; so are {@code commitSha} and {@code changeNumber}
     * @param requester    the name of the API key that asked (never the key)
     * @param decision     ALLOW, DENY or PENDING
     * @param answerJson   the answer as served, JSON text
     * @param requestKey   null, or the caller's run and environment a decided hook answer is kept under
     */
    record Evaluation(UUID id, String gate, String application, String version, String environment,
                      String commitSha, String changeNumber, String requester, String decision, String reason,
                      String answerJson, Instant decidedAt, String requestKey) {

        public Evaluation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(answerJson, "answerJson");
            Objects.requireNonNull(decidedAt, "decidedAt");
        }

        /** An answer asked without a request key. */
        public Evaluation(UUID id, String gate, String application, String version, String environment,
                String commitSha, String changeNumber, String requester, String decision, String reason,
                String answerJson, Instant decidedAt) {
            this(id, gate, application, version, environment, commitSha, changeNumber, requester, decision, reason,
                    answerJson, decidedAt, null);
        }
    }

    /**
     * Keeps a new answer; an id already kept is refused with {@link IllegalStateException}, and so is a request key
     * another answer is kept under (read that one with {@link #findByRequestKey}).
     */
    void record(Evaluation evaluation);

    Optional<Evaluation> find(UUID id);

    /** The answer kept under a caller's request key, if any. */
    Optional<Evaluation> findByRequestKey(String requestKey);

    /**
     * What a listing of answers is narrowed to; each null means any.
     *
     * @param from answers decided at or after it
     * @param to   answers decided before it
     */
    record Search(String application, String gate, String decision, Instant from, Instant to) {
    }

    /** A page of the answers the search finds, newest first. */
    List<Evaluation> search(Search search, int offset, int limit);

    /** How many answers the search finds, per decision (ALLOW, DENY, PENDING; a decision with none is left out). */
    Map<String, Long> countByDecision(Search search);

    /** The application's most recent answers, newest first. */
    List<Evaluation> recentFor(String application, int limit);
}
