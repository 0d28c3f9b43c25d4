package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The 429 kinds Jira Cloud answers, each saying which limit was hit and when to come back. */
class JiraRateLimitTest extends JiraSandboxTestSupport {

    @Test
    void aBurstLimitAnswers429WithReasonAndRetryAfterThenServesAgain() throws Exception {
        sandbox.rateLimitNext(1, 7);

        HttpResponse<String> limited = get("/rest/api/3/myself");
        HttpResponse<String> after = get("/rest/api/3/myself");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit-Reason")).contains("jira-burst-based");
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(limited.headers().firstValue("X-RateLimit-Reset")).contains("2026-11-25T10:15:37Z");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(json(limited).get("errorMessages").get(0).asText()).isNotBlank();
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void aPerSecondBudgetRefusesTheRestOfTheSecond() throws Exception {
        sandbox.faults().rateLimit(2);

        int first = get("/rest/api/3/myself").statusCode();
        int second = get("/rest/api/3/myself").statusCode();
        HttpResponse<String> third = get("/rest/api/3/myself");
        clock.advance(Duration.ofSeconds(1));
        int nextSecond = get("/rest/api/3/myself").statusCode();

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("RateLimit-Reason")).contains("jira-burst-based");
        assertThat(nextSecond).isEqualTo(200);
    }

    @Test
    void thePerIssueWriteLimitRefusesOnlyWritesToThatIssueUntilTheWindowPasses() throws Exception {
        String busy = createTask("Busy", "");
        String other = createTask("Other", "");
        sandbox.perIssueWriteLimit().set(2, Duration.ofSeconds(10));

        HttpResponse<String> firstWrite = put("/rest/api/3/issue/" + busy, "{\"fields\":{\"summary\":\"1\"}}");
        HttpResponse<String> secondWrite = put("/rest/api/3/issue/" + busy, "{\"fields\":{\"summary\":\"2\"}}");
        clock.advance(Duration.ofSeconds(3));
        HttpResponse<String> refused = put("/rest/api/3/issue/" + busy, "{\"fields\":{\"summary\":\"3\"}}");
        HttpResponse<String> otherIssue = put("/rest/api/3/issue/" + other, "{\"fields\":{\"summary\":\"x\"}}");
        HttpResponse<String> read = get("/rest/api/3/issue/" + busy);

        assertThat(firstWrite.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(firstWrite.headers().firstValue("X-RateLimit-NearLimit")).isEmpty();
        assertThat(secondWrite.headers().firstValue("X-RateLimit-NearLimit")).contains("true");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Reason")).contains("jira-per-issue-on-write");
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("2");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(otherIssue.statusCode()).isEqualTo(204);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).at("/fields/summary").asText()).isEqualTo("2");

        clock.advance(Duration.ofSeconds(7));
        assertThat(put("/rest/api/3/issue/" + busy, "{\"fields\":{\"summary\":\"3\"}}").statusCode()).isEqualTo(204);
    }

    @Test
    void injectedFailuresAndDropsUseJirasShapes() throws Exception {
        sandbox.faults().failNext(1, 503);
        HttpResponse<String> failed = get("/rest/api/3/myself");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).get("errorMessages").isArray()).isTrue();
    }
}
