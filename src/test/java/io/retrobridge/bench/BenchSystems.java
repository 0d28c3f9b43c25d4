package io.retrobridge.bench;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Jira and a ServiceNow simulator for one benchmark phase: empty but for project PAY, the connector's
 * accounts and one person, with the latency and ServiceNow rate limit the settings ask for. A person's edits
 * go through the REST API like anyone's and wait out a 429 (the rate limit counts them too).
 */
final class BenchSystems implements AutoCloseable {

    static final String TASKS = SandboxPair.TASKS;
    private static final String REPORTER = "557058:beth-anglin";

    final JiraSandbox jira;
    final ServiceNowSandbox servicenow;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BenchSystems(int latencyMillis, int serviceNowRateLimit) {
        try {
            jira = new JiraSandbox(0, Clock.systemUTC());
            jira.addUser("557058:retrobridge", "RetroBridge", SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN);
            jira.addUser(REPORTER, "Beth Anglin", SandboxPair.PERSON_EMAIL, SandboxPair.PERSON_TOKEN);
            jira.seed().project("PAY", "Payments", "Checkout", "Gateway");
            jira.start();
            servicenow = new ServiceNowSandbox(0, Clock.systemUTC());
            servicenow.addUser(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD, "itil");
            servicenow.addUser(SandboxPair.PERSON_USER, SandboxPair.PERSON_PASSWORD, "itil");
            servicenow.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jira.faults().latency(Duration.ofMillis(latencyMillis));
        servicenow.faults().latency(Duration.ofMillis(latencyMillis)).rateLimit(serviceNowRateLimit);
    }

    /** Action items in Jira titled {@code prefix 1..count}, made directly in the simulator's store. */
    void seedJiraItems(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            jira.seed().issue(IssueSpec.of("PAY", "Task", prefix + i).labels("retro-action"), REPORTER);
        }
    }

    /** Both simulators notify the connector of every change from now on. */
    void subscribe(URI connector) {
        jira.subscribe(connector.resolve("/webhooks/jira"), SandboxPair.JIRA_WEBHOOK_SECRET);
        servicenow.registerWebhook(connector.resolve("/webhooks/servicenow"), SandboxPair.SERVICENOW_WEBHOOK_SECRET,
                Set.of(TASKS));
    }

    /** ServiceNow sys_id by title, for every problem task. */
    Map<String, String> taskIdsByTitle() {
        Map<String, String> ids = new HashMap<>();
        servicenow.records(TASKS).forEach(t -> ids.put(t.get("short_description"), t.get("sys_id")));
        return ids;
    }

    long tasks() {
        return servicenow.records(TASKS).size();
    }

    void editJiraTitle(String key, String title) {
        send(jira.baseUrl() + "/rest/api/3/issue/" + key, "PUT", "{\"fields\":{\"summary\":" + SandboxPair.quote(title) + "}}",
                SandboxPair.PERSON_EMAIL + ":" + SandboxPair.PERSON_TOKEN);
    }

    void editTaskTitle(String sysId, String title) {
        send(servicenow.baseUrl() + "/api/now/table/" + TASKS + "/" + sysId, "PATCH",
                "{\"short_description\":" + SandboxPair.quote(title) + "}",
                SandboxPair.PERSON_USER + ":" + SandboxPair.PERSON_PASSWORD);
    }

    /** Writes in this log that the simulator answered 2xx. */
    static long successfulWrites(List<RequestLog.Entry> log) {
        return log.stream().filter(e -> e.isWrite() && e.status() >= 200 && e.status() < 300).count();
    }

    private void send(String url, String method, String body, String credentials) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    return;
                }
                if (response.statusCode() != 429 || attempt == 10) {
                    throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        jira.close();
        servicenow.close();
    }
}
