package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.sync.StaleLinkException;
import io.retrobridge.transport.FailureTriage.Park;
import io.retrobridge.transport.FailureTriage.RunAgain;
import io.retrobridge.transport.FailureTriage.Wait;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * What becomes of a failed call (send again after a pause, hand to the caller) and of work that failed after the
 * transport's own retries: run again, wait until, or park.
 */
class FailureTriageTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final OutboundRequest PATCH = OutboundRequest.patch("/api/now/table/problem_task/abc", "{}");
    private static final OutboundRequest PUT = OutboundRequest.put("/rest/api/3/issue/10001", "{}");
    private static final OutboundRequest GET = OutboundRequest.get("/rest/api/3/issue/10001");

    private final FailureTriage triage = new FailureTriage(ResilienceProperties.defaults(), Duration.ofHours(24), () -> 0.5);

    @Test
    void aRateLimitLongerThanTheMaxBackoffWaitsUntilRetryAfterAndIsNotParked() {
        RemoteCallException limited = answered("ServiceNow", PATCH, 429, Map.of("Retry-After", "600"));

        FailureTriage.Verdict verdict = triage.judge(limited, 1, NOW, Optional.empty());

        assertThat(verdict).isEqualTo(new Wait(NOW.plusSeconds(600), "rate_limited", limited.getMessage()));
    }

    @Test
    void jirasPerIssueWriteLimitWaitsToo() {
        RemoteCallException perIssue = answered("Jira", PUT, 429,
                Map.of("Retry-After", "3600", "RateLimit-Reason", "jira-per-issue-on-write"));

        assertThat(triage.judge(perIssue, 1, NOW, Optional.empty()))
                .isEqualTo(new Wait(NOW.plusSeconds(3600), "rate_limited", perIssue.getMessage()));
    }

    @Test
    void aRateLimitWithoutRetryAfterThatOutlastedTheRetriesWaitsTheMaxBackoff() {
        RemoteCallException limited = answered("Jira", GET, 429, Map.of());

        assertThat(triage.judge(limited, 1, NOW, Optional.empty()))
                .isEqualTo(new Wait(NOW.plusSeconds(30), "rate_limited", limited.getMessage()));
    }

    @Test
    void waitingPastTheMaxDeferralParksWithTheReason() {
        RemoteCallException limited = answered("ServiceNow", PATCH, 429, Map.of("Retry-After", "600"));
        Instant firstDeferred = NOW.minus(Duration.ofHours(23).plusMinutes(55));

        FailureTriage.Verdict verdict = triage.judge(limited, 1, NOW, Optional.of(firstDeferred));

        assertThat(verdict).isInstanceOf(Park.class);
        assertThat(verdict.kind()).isEqualTo("deferred_too_long");
        assertThat(verdict.reason()).contains("retrobridge.sync.max-deferral").contains("PT24H")
                .contains(firstDeferred.toString()).contains("429");
        assertThat(triage.judge(limited, 1, NOW, Optional.of(NOW.minus(Duration.ofHours(23)))))
                .as("still within the bound").isInstanceOf(Wait.class);
    }

    @Test
    void anOpenBreakerWaitsForTheBreakersWait() {
        RemoteCallException refused = RemoteCallException.forOpenCircuit("ServiceNow", PATCH, "circuit breaker open");

        assertThat(triage.judge(refused, 1, NOW, Optional.empty()))
                .isEqualTo(new Wait(NOW.plusSeconds(30), "circuit_open", refused.getMessage()));
    }

    @Test
    void databaseBlipsAndStaleLinksAreRunAgainWithBackoffThenWaitButAreNeverParked() {
        for (RuntimeException blip : List.of(new CannotAcquireLockException("lock timeout"),
                new QueryTimeoutException("statement timeout"),
                new CannotGetJdbcConnectionException("pool exhausted"),
                new RecoverableDataAccessException("connection lost"),
                new UncategorizedSQLException("update", "UPDATE links", new SQLTransientConnectionException("gone")),
                new IllegalStateException("while saving", new CannotAcquireLockException("deadlock")),
                new StaleLinkException(UUID.randomUUID(), 3))) {
            assertThat(triage.judge(blip, 1, NOW, Optional.empty())).as(blip.toString()).isInstanceOf(RunAgain.class);
            assertThat(triage.judge(blip, 5, NOW, Optional.empty())).as(blip.toString())
                    .isEqualTo(new Wait(NOW.plusSeconds(30), "database", blip.getMessage()));
        }
        assertThat(triage.judge(new DataIntegrityViolationException("duplicate key"), 1, NOW, Optional.empty()))
                .as("not a blip").isInstanceOf(Park.class);
    }

    @Test
    void aWriteThatMayHaveHalfLandedIsRunAgainUpToMaxAttemptsThenParked() {
        RemoteCallException timedOut = RemoteCallException.forTransportFailure("ServiceNow", PATCH, "sn:443",
                new IOException(new SocketTimeoutException("Read timed out")));

        assertThat(triage.judge(timedOut, 1, NOW, Optional.empty())).isInstanceOf(RunAgain.class);
        assertThat(triage.judge(timedOut, 5, NOW, Optional.empty())).isEqualTo(new Park("timeout", timedOut.getMessage()));
    }

    @Test
    void refusalsRetryingCannotCureAreParkedAtOnceWithTheirKind() {
        assertThat(triage.judge(answered("Jira", PUT, 400, Map.of()), 1, NOW, Optional.empty()).kind()).isEqualTo("client_error");
        assertThat(triage.judge(answered("Jira", PUT, 403, Map.of()), 1, NOW, Optional.empty())).isInstanceOf(Park.class);
        assertThat(triage.judge(answered("ServiceNow", PATCH, 503, Map.of()), 1, NOW, Optional.empty()))
                .as("an outage the transport retried already").isEqualTo(
                        new Park("server_error", answered("ServiceNow", PATCH, 503, Map.of()).getMessage()));
        assertThat(triage.judge(new IllegalArgumentException("mapping rule failed"), 1, NOW, Optional.empty()))
                .isEqualTo(new Park("other", "mapping rule failed"));
    }

    @Test
    void aFailureParkedElsewhereIsNamedByTheSameKinds() {
        assertThat(FailureTriage.kindOf(answered("ServiceNow", PATCH, 400, Map.of()))).isEqualTo("client_error");
        assertThat(FailureTriage.kindOf(new IllegalStateException("wrapped", answered("Jira", PUT, 429, Map.of()))))
                .isEqualTo("rate_limited");
        assertThat(FailureTriage.kindOf(new IllegalArgumentException("mapping rule failed"))).isEqualTo("other");
    }

    // --- one call, as the sender asks after each attempt ---

    /** Attempts enough that only the waits are judged here, not the count. */
    private static final ResilienceProperties PATIENT = new ResilienceProperties(
            new ResilienceProperties.PerSystem(1000, null, null, null, null, null, null, null, null), null);

    private static Duration pause(FailureTriage.Verdict verdict) {
        assertThat(verdict).isInstanceOf(RunAgain.class);
        return ((RunAgain) verdict).pause();
    }

    @Test
    void aCallIsSentAgainAfterWaitsThatGrowExponentiallyUpToTheCap() {
        FailureTriage calls = FailureTriage.forCalls(PATIENT, () -> 0.999);
        RemoteCallException outage = answered("Jira", GET, 503, Map.of());

        assertThat(pause(calls.judgeCall(outage, 1, NOW))).isEqualTo(Duration.ofMillis(499));
        assertThat(pause(calls.judgeCall(outage, 3, NOW))).isEqualTo(Duration.ofMillis(1998));
        assertThat(pause(calls.judgeCall(outage, 30, NOW))).isEqualTo(Duration.ofMillis(29970));
    }

    @Test
    void aCallIsNeverSentAgainBeforeRetryAfter() {
        FailureTriage calls = FailureTriage.forCalls(PATIENT, () -> 0.1);

        assertThat(pause(calls.judgeCall(answered("Jira", GET, 429, Map.of("Retry-After", "12")), 1, NOW)))
                .isEqualTo(Duration.ofSeconds(12));
        String inTwentySeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(20));
        assertThat(pause(calls.judgeCall(answered("Jira", GET, 503, Map.of("Retry-After", inTwentySeconds)), 1, NOW)))
                .as("an HTTP date").isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsAtLeastTheFloorBeforeTheCallIsSentAgain() {
        FailureTriage calls = FailureTriage.forCalls(PATIENT, () -> 0.0);

        assertThat(pause(calls.judgeCall(answered("Jira", GET, 429, Map.of()), 1, NOW))).isEqualTo(Duration.ofSeconds(5));
        assertThat(pause(calls.judgeCall(answered("Jira", GET, 503, Map.of()), 1, NOW))).isEqualTo(Duration.ZERO);
    }

    @Property
    void waitsBetweenAttemptsStayWithinTheirBounds(@ForAll @IntRange(min = 1, max = 100) int attempt,
            @ForAll @DoubleRange(min = 0.0, max = 0.99) double random) {
        FailureTriage calls = FailureTriage.forCalls(PATIENT, () -> random);

        assertThat(pause(calls.judgeCall(answered("Jira", GET, 500, Map.of()), attempt, NOW)))
                .isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffEndsTheCallSoItsWorkWaits() {
        FailureTriage calls = FailureTriage.forCalls(ResilienceProperties.defaults(), () -> 0.5);
        RemoteCallException limited = answered("ServiceNow", PATCH, 429, Map.of("Retry-After", "3600"));

        assertThat(calls.judgeCall(limited, 1, NOW)).isEqualTo(new Wait(NOW.plusSeconds(3600), "rate_limited", limited.getMessage()));
    }

    @Test
    void aCallIsSentAgainOnlyWhenTheFailureIsTransientTheWriteWasRefusedAndAttemptsRemain() {
        FailureTriage calls = FailureTriage.forCalls(ResilienceProperties.defaults(), () -> 0.5);
        OutboundRequest post = OutboundRequest.post("/rest/api/3/issue", "{}");

        assertThat(calls.judgeCall(answered("Jira", GET, 500, Map.of()), 1, NOW)).isInstanceOf(RunAgain.class);
        assertThat(calls.judgeCall(answered("Jira", GET, 500, Map.of()), 5, NOW)).as("max-attempts reached")
                .isEqualTo(new Park("server_error", answered("Jira", GET, 500, Map.of()).getMessage()));
        assertThat(calls.judgeCall(answered("Jira", GET, 404, Map.of()), 1, NOW)).isInstanceOf(Park.class);
        assertThat(calls.judgeCall(answered("Jira", post, 500, Map.of()), 1, NOW)).as("may have landed")
                .isInstanceOf(Park.class);
        assertThat(calls.judgeCall(answered("Jira", post, 503, Map.of()), 1, NOW)).as("refused").isInstanceOf(RunAgain.class);
        assertThat(calls.judgeCall(answered("Jira", post, 429, Map.of()), 1, NOW)).as("refused").isInstanceOf(RunAgain.class);
        assertThat(calls.judgeCall(RemoteCallException.forTransportFailure("Jira", post, "jira:443",
                new ConnectException("Connection refused")), 1, NOW)).as("never connected").isInstanceOf(RunAgain.class);
        assertThat(calls.judgeCall(RemoteCallException.forTransportFailure("Jira", post, "jira:443",
                new SocketException("Connection reset")), 1, NOW)).as("may have arrived").isInstanceOf(Park.class);
        assertThat(calls.judgeCall(RemoteCallException.forTransportFailure("Jira", GET, "jira:443",
                new SocketException("Connection reset")), 1, NOW)).as("a read").isInstanceOf(RunAgain.class);
        assertThat(calls.judgeCall(RemoteCallException.forOpenCircuit("Jira", GET, "circuit open"), 1, NOW).kind())
                .isEqualTo("circuit_open");
        assertThat(calls.judgeCall(RemoteCallException.forOpenCircuit("Jira", GET, "circuit open"), 1, NOW))
                .isInstanceOf(Park.class);
    }

    @Test
    void aTriageForCallsJudgesNoWork() {
        FailureTriage calls = FailureTriage.forCalls(ResilienceProperties.defaults(), () -> 0.5);

        assertThatThrownBy(() -> calls.judge(new IllegalStateException("x"), 1, NOW, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("single calls only");
    }

    private static RemoteCallException answered(String system, OutboundRequest request, int status,
            Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return RemoteCallException.forResponse(system, request, new OutboundResponse(status, multi, "{}"));
    }
}
