package io.retrobridge.insight.readiness;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.Scope;
import io.retrobridge.gate.GateAnswer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a pre-release readiness review of one application needs, as the local store holds it at {@code at}.
 *
 * @param version         the version asked about; null when none was named
 * @param environment     the environment the release is reviewed for (the gate is asked about it)
 * @param known           false when the store holds no retrospective, deployment or PIR of the application
 * @param note            one line saying nothing is known of the application; null when something is
 * @param retrospectives  its latest retrospectives
 * @param followUps       the open follow-ups of those retrospectives
 * @param deployments     its failed runs and rollbacks over the deployment window
 * @param pir             its last PIR, and the PIR of the version asked about
 * @param failureModes    the failure modes its retrospectives' action items name, the recurring ones first
 * @param gate            the gate's answer now, asked read-only (not recorded as an evaluation)
 */
public record Readiness(String application, String version, String environment, Instant at, boolean known,
                        String note, Retrospectives retrospectives, FollowUps followUps, Deployments deployments,
                        Pirs pir, List<FailureMode> failureModes, GateCheck gate) {

    public Readiness {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(at, "at");
        failureModes = List.copyOf(failureModes);
    }

    /**
     * The application's retrospectives.
     *
     * @param total  how many are recorded
     * @param latest the newest, at most {@link ReadinessReport#RETROSPECTIVES_SHOWN}, newest first
     */
    public record Retrospectives(long total, List<RetrospectiveSeen> latest) {
        public Retrospectives {
            latest = List.copyOf(latest);
        }
    }

    /**
     * One retrospective.
     *
     * @param name             its change number, else its key
     * @param jiraKey          null until its Jira issue is made
     * @param serviceNowNumber null until its ServiceNow record is made
     */
    public record RetrospectiveSeen(String key, String name, String changeNumber, String reason, Instant openedAt,
                                    String jiraKey, String serviceNowNumber) {
    }

    /**
     * The open follow-ups of the latest retrospectives, as the gate reads them.
     *
     * @param note  why they could not be listed (still being gathered, or the store could not be read); null when
     *              they are listed
     * @param items overdue first, then escalated, then by due date
     */
    public record FollowUps(String note, int open, int overdue, int escalated, List<OpenFollowUp> items) {
        public FollowUps {
            items = List.copyOf(items);
        }
    }

    /**
     * One open follow-up.
     *
     * @param retrospective    the name of the retrospective it came from
     * @param reference        how people name it: the Jira key, else the ServiceNow number, else the link id
     * @param scope            null while no classification rule has placed it
     * @param due              null when it has no due date
     * @param overdue          as escalation judges it: past its due date, or an escalation of it is unresolved
     * @param daysOverdue      calendar days past the due date in the escalation calendar's zone; null when it has
     *                         no due date
     * @param escalatedTo      the board it was escalated to; null when not escalated
     */
    public record OpenFollowUp(String retrospective, String retrospectiveKey, String reference, String title,
                               String jiraKey, String serviceNowNumber, Scope scope, LocalDate due, boolean overdue,
                               Long daysOverdue, String escalatedTo, String failureMode) {
    }

    /**
     * The application's runs to the environment that finished in [from, to).
     *
     * @param finished  how many finished
     * @param failed    how many failed or were aborted
     * @param rollbacks how many put an earlier version back
     * @param wentWrong the failed, aborted and rolled-back runs, newest first, at most
     *                  {@link ReadinessReport#RUNS_SHOWN}
     */
    public record Deployments(String environment, Instant from, Instant to, int finished, int failed, int rollbacks,
                              List<Deployment> wentWrong) {
        public Deployments {
            wentWrong = List.copyOf(wentWrong);
        }
    }

    /**
     * PIR summaries of the application.
     *
     * @param latest     the newest by deployment time; null when none was found
     * @param forVersion the summary of the version asked about; null when none was asked or none exists
     */
    public record Pirs(PirSummary latest, PirSummary forVersion) {
    }

    /**
     * A failure mode the application's retrospectives named.
     *
     * @param retrospectives how many retrospectives named it
     * @param items          how many action items are tagged with it
     * @param open           how many of those are still open
     * @param recurred       named by two retrospectives or more
     * @param namedIn        the names of those retrospectives, newest first
     * @param lastNamed      when the newest of them was opened
     */
    public record FailureMode(String name, int retrospectives, int items, int open, boolean recurred,
                              List<String> namedIn, Instant lastNamed) {
        public FailureMode {
            namedIn = List.copyOf(namedIn);
        }
    }

    /** The gate's answer to a release of the version to the environment, asked at {@code at}. */
    public record GateCheck(String gate, GateAnswer answer) {
    }
}
