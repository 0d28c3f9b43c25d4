package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rate limiting as ServiceNow's inbound REST rate-limit rules answer it. */
class ServiceNowRateLimitTest extends SandboxTestSupport {

    @Test
    void requestsOverTheBudgetGet429WithTheRuleHeadersAndChangeNothing() throws Exception {
        sandbox.faults().rateLimit(2);

        HttpResponse<String> first = get("/api/now/table/problem_task");
        HttpResponse<String> second = get("/api/now/table/problem_task");
        HttpResponse<String> refused = post("/api/now/table/problem_task", "{\"short_description\":\"x\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused)).isEqualTo(SandboxJson.parse("""
                {"error":{"message":"Rate limit exceeded",
                          "detail":"Rate limit of 2 requests per second for Table API exceeded"},"status":"failure"}"""));
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("2");
        assertThat(refused.headers().firstValue("X-RateLimit-Reset"))
                .contains(String.valueOf(START.getEpochSecond() + 1));
        assertThat(refused.headers().firstValue("X-RateLimit-Rule")).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f]{32}"));
        assertThat(sandbox.records("problem_task")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(post("/api/now/table/problem_task", "{\"short_description\":\"x\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void injected429sCarryRetryAfterTheRuleHeadersAndTheServiceNowBody() throws Exception {
        sandbox.rateLimitNext(1, 30);

        HttpResponse<String> limited = get("/api/now/table/problem_task");
        HttpResponse<String> served = get("/api/now/table/problem_task");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("30");
        assertThat(limited.headers().firstValue("X-RateLimit-Reset")).contains(String.valueOf(START.getEpochSecond() + 30));
        assertThat(limited.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(limited.headers().firstValue("X-RateLimit-Rule")).isPresent();
        assertThat(json(limited).get("error").get("message").asText()).isEqualTo("Rate limit exceeded");
        assertThat(json(limited).get("status").asText()).isEqualTo("failure");
        assertThat(served.statusCode()).isEqualTo(200);
    }

    @Test
    void genericInjected429sAlsoUseTheServiceNowBody() throws Exception {
        sandbox.faults().rateLimitNext(1, 7, null);

        HttpResponse<String> limited = get("/api/now/table/problem_task");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(json(limited).get("error").get("message").asText()).isEqualTo("Rate limit exceeded");
    }
}
