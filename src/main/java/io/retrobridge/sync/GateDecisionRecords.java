package io.retrobridge.sync;

import io.retrobridge.mapping.gate.GateWrite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the deployment gate's answers on the change request they concern, where the change advisory board approves
 * changes. The ServiceNow adapter registers one; the gate's answer handler calls it for each answer about a change.
 */
public interface GateDecisionRecords {

    /**
     * Writes the answer as {@code to} says (field and work note in one request), unless the change already carries
     * an answer with the same {@link GateDecisionNote#fingerprint()}. A failure the system may get over (429, 5xx,
     * a lost connection) is thrown, for the inbox to retry, defer or park.
     */
    Written write(GateDecisionNote note, GateWrite.ServiceNow to);

    /** What became of one answer on its change. */
    enum Outcome {
        /** The change was written to. */
        WRITTEN,
        /** The change already carries this decision with these blocking items; nothing was sent. */
        UNCHANGED,
        /** The answer cannot be written there (no such change, no permission, no readable field); nothing was sent. */
        SKIPPED
    }

    /**
     * @param sysId  the change's sys_id; null when it was not found
     * @param detail in words for the journal and the inbox record: what was written, or why not
     */
    record Written(Outcome outcome, String sysId, String detail) {

        public Written {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * One gate answer about one change, as the change's readers are shown it.
     *
     * @param decision   ALLOW, DENY or PENDING
     * @param reason     the answer's one line for a release manager
     * @param statusUrl  where the answer is read again
     * @param decidedAt  when the gate answered
     * @param blocking   what denies the release, in the answer's order; empty unless denied by a rule
     */
    record GateDecisionNote(UUID evaluationId, String gate, String changeNumber, String application, String version,
                            String environment, String decision, String reason, String statusUrl, Instant decidedAt,
                            List<Blocking> blocking) {

        public GateDecisionNote {
            Objects.requireNonNull(evaluationId, "evaluationId");
            Objects.requireNonNull(changeNumber, "changeNumber");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(statusUrl, "statusUrl");
            Objects.requireNonNull(decidedAt, "decidedAt");
            blocking = List.copyOf(blocking);
        }

        /**
         * What makes two answers the same news for the change: the decision and the blocking items (by rule and
         * reference, in any order). The reason, time and evaluation id change with every ask, so they are left out:
         * a pipeline asking every 30 s must not add a work note each time.
         */
        public String fingerprint() {
            StringBuilder text = new StringBuilder(decision);
            blocking.stream().map(item -> item.rule() + "|" + item.reference()).sorted()
                    .forEach(item -> text.append('\n').append(item));
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString()
                        .getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
        }
    }

    /**
     * @param rule      the rule that found it
     * @param reference the action item's link id or the retrospective's key
     * @param title     null when unknown
     * @param jiraKey   null when there is no Jira issue
     * @param serviceNowNumber null when there is no ServiceNow record
     */
    record Blocking(String rule, String reference, String title, String jiraKey, String serviceNowNumber) {

        public Blocking {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reference, "reference");
        }
    }
}
