package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.transport.FailureTriage.Park;
import io.retrobridge.transport.FailureTriage.RunAgain;
import io.retrobridge.transport.FailureTriage.Wait;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** What becomes of work that failed after the transport's own retries: run again, wait until, or park. */
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
    void databaseBlipsAreRunAgainWithBackoffThenWaitButAreNeverParked() {
        for (RuntimeException blip : List.of(new CannotAcquireLockException("lock timeout"),
                new QueryTimeoutException("statement timeout"),
                new CannotGetJdbcConnectionException("pool exhausted"),
                new RecoverableDataAccessException("connection lost"),
                new UncategorizedSQLException("update", "UPDATE links", new SQLTransientConnectionException("gone")),
                new IllegalStateException("while saving", new CannotAcquireLockException("deadlock")))) {
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

    private static RemoteCallException answered(String system, OutboundRequest request, int status,
            Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return RemoteCallException.forResponse(system, request, new OutboundResponse(status, multi, "{}"));
    }
}
