package io.retrobridge.cluster;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * Several instances, one job each: whether RetroBridge runs alone or with others, and which of its scheduled jobs
 * run on the elected instance only. Checked at start-up.
 *
 * @param mode         none: this instance runs every job (one instance, H2 or PostgreSQL); jdbc: several instances
 *                     on one shared PostgreSQL elect one of them, through a lock row in that database, to run the
 *                     leader routes, and take over within lock-ttl when it stops
 * @param instanceId   this instance's name in the election, the health endpoint and singleton_runs; empty: the
 *                     HOSTNAME environment variable (a container's or pod's name), else the host name and
 *                     server port
 * @param namespace    the election's name: instances with the same namespace on one database elect one leader
 * @param leaderRoutes the ids of the routes (routes/*.yaml) that run on the elected instance only, separated by
 *                     commas; every other route runs on every instance
 * @param lockTtl      how long the leader's lock holds without renewal: a leader that stopped renewing (killed, cut
 *                     off from the database) is replaced after this time; at least 1s
 * @param heartbeat    how often the leader renews its lock and the others try to take it; well below lock-ttl
 */
@Validated
@ConfigurationProperties("retrobridge.cluster")
public record ClusterProperties(
        @NotNull(message = "none or jdbc")
        @DefaultValue(MODE) ClusterMode mode,
        String instanceId,
        @NotBlank(message = "a name such as retrobridge")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "letters, digits, dot, dash or underscore, at most 100")
        @DefaultValue(NAMESPACE) String namespace,
        @NotNull(message = "route ids separated by commas, e.g. jira-poll,servicenow-poll")
        @DefaultValue(LEADER_ROUTES) String leaderRoutes,
        @NotNull(message = "a duration such as 10s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 10s")
        @DefaultValue(LOCK_TTL) Duration lockTtl,
        @NotNull(message = "a duration such as 500ms")
        @DurationMin(millis = 10, message = "a duration of at least 10ms, e.g. 500ms")
        @DefaultValue(HEARTBEAT) Duration heartbeat) {

    // Named once, for the binder and for instances built in code.
    private static final String MODE = "none";
    private static final String NAMESPACE = "retrobridge";
    private static final String LEADER_ROUTES = "jira-poll,servicenow-poll,change-request-poll,intent-sweep,"
            + "change-record-intent-sweep,escalation-scan,report-gauges,retrospective-follow-ups,"
            + "gate-hook-github-reconcile,retention-purge,unreadable-recheck,backfill-runner";
    private static final String LOCK_TTL = "10s";
    private static final String HEARTBEAT = "500ms";

    /** The defaults, for tests and tools. */
    public static ClusterProperties defaults() {
        return new ClusterProperties(ClusterMode.NONE, null, NAMESPACE, LEADER_ROUTES,
                DurationStyle.detectAndParse(LOCK_TTL), DurationStyle.detectAndParse(HEARTBEAT));
    }

    /** Several instances elect a leader. */
    public boolean elected() {
        return mode == ClusterMode.JDBC;
    }

    /** The leader routes' ids, in the order given, blanks left out. */
    public Set<String> leaderRouteIds() {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(leaderRoutes.split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        return Collections.unmodifiableSet(ids);
    }

    /** Checked at start-up with the other constraints. */
    @AssertTrue(message = "heartbeat shorter than lock-ttl, or the leader's lock would "
            + "expire between two renewals; e.g. heartbeat 500ms with lock-ttl 10s")
    public boolean isHeartbeatShorterThanLockTtl() {
        return heartbeat == null || lockTtl == null || heartbeat.compareTo(lockTtl) < 0;
    }
}
