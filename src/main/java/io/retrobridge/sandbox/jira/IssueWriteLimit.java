package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Jira Cloud's per-issue write limit: at most {@code maxWrites} successful writes to one issue within
 * {@code window}; the next write gets 429 with {@code RateLimit-Reason: jira-per-issue-on-write} and
 * {@code Retry-After} until the oldest write leaves the window. Off until {@link #set set}.
 */
public final class IssueWriteLimit {

    private final Clock clock;
    private final IssueStore store;
    private final Map<String, Deque<Instant>> writes = new HashMap<>();
    private int maxWrites;
    private Duration window = Duration.ZERO;

    IssueWriteLimit(Clock clock, IssueStore store) {
        this.clock = clock;
        this.store = store;
    }

    /** Allows {@code maxWrites} writes per issue per {@code window}; 0 lifts the limit. */
    public synchronized IssueWriteLimit set(int maxWrites, Duration window) {
        if (maxWrites < 0 || window.isNegative()) {
            throw new IllegalArgumentException("maxWrites and window must not be negative");
        }
        this.maxWrites = maxWrites;
        this.window = window;
        writes.clear();
        return this;
    }

    /** Wraps a write handler on {@code /issue/{idOrKey}...}: refused when over the limit, counted when it succeeds. */
    SandboxHttpServer.Handler guard(SandboxHttpServer.Handler write) {
        return request -> {
            Optional<String> issueId = store.find(request.pathVariable("idOrKey")).map(i -> i.id);
            if (issueId.isEmpty()) {
                return write.handle(request);
            }
            Optional<SandboxResponse> refusal = refuse(issueId.get());
            if (refusal.isPresent()) {
                return refusal.get();
            }
            SandboxResponse response = write.handle(request);
            if (response.status() >= 200 && response.status() < 300) {
                return record(issueId.get(), response);
            }
            return response;
        };
    }

    private synchronized Optional<SandboxResponse> refuse(String issueId) {
        if (maxWrites <= 0) {
            return Optional.empty();
        }
        Deque<Instant> recent = recent(issueId);
        if (recent.size() < maxWrites) {
            return Optional.empty();
        }
        Instant free = recent.peekFirst().plus(window);
        long retryAfter = Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), free).toMillis() / 1000.0));
        return Optional.of(JiraErrors.message(429, "Too many writes to this issue in a short time; retry after "
                        + retryAfter + " seconds.")
                .withHeader("RateLimit-Reason", JiraErrors.PER_ISSUE_REASON)
                .withHeader("Retry-After", String.valueOf(retryAfter))
                .withHeader("X-RateLimit-Limit", String.valueOf(maxWrites))
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", free.toString()));
    }

    private synchronized SandboxResponse record(String issueId, SandboxResponse response) {
        if (maxWrites <= 0) {
            return response;
        }
        Deque<Instant> recent = recent(issueId);
        recent.addLast(clock.instant());
        int remaining = Math.max(0, maxWrites - recent.size());
        SandboxResponse answered = response.withHeader("X-RateLimit-Limit", String.valueOf(maxWrites))
                .withHeader("X-RateLimit-Remaining", String.valueOf(remaining));
        // Jira flags a budget with under 20% left so clients can slow down before they are refused.
        return remaining < maxWrites * 0.2 ? answered.withHeader("X-RateLimit-NearLimit", "true") : answered;
    }

    private Deque<Instant> recent(String issueId) {
        Deque<Instant> recent = writes.computeIfAbsent(issueId, id -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.pollFirst();
        }
        return recent;
    }
}
