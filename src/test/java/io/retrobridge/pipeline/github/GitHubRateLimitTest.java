package io.retrobridge.pipeline.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.transport.OutboundResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub's rate limits as its REST documentation describes them: 403 or 429, retry-after or x-ratelimit-reset. */
class GitHubRateLimitTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aPrimaryLimitWaitsUntilTheResetTime() {
        OutboundResponse exhausted = answer(403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.plusSeconds(1800).getEpochSecond())));

        assertThat(GitHubApi.rateLimitWait(exhausted, NOW)).contains(Duration.ofSeconds(1800));
    }

    @Test
    void aSecondaryLimitWaitsRetryAfterOrAMinute() {
        assertThat(GitHubApi.rateLimitWait(answer(403, Map.of("retry-after", "90")), NOW))
                .contains(Duration.ofSeconds(90));
        assertThat(GitHubApi.rateLimitWait(answer(429, Map.of()), NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void aForbiddenAnswerWithoutALimitHeaderIsNoRateLimit() {
        assertThat(GitHubApi.rateLimitWait(answer(403, Map.of("x-ratelimit-remaining", "4999")), NOW)).isEmpty();
        assertThat(GitHubApi.rateLimitWait(answer(404, Map.of()), NOW)).isEmpty();
    }

    private static OutboundResponse answer(int status, Map<String, String> headers) {
        Map<String, List<String>> lists = new java.util.HashMap<>();
        headers.forEach((name, value) -> lists.put(name, List.of(value)));
        return new OutboundResponse(status, lists, "{\"message\":\"API rate limit exceeded\"}");
    }
}
