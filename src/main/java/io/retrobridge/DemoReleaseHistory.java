package io.retrobridge;

import io.retrobridge.sandbox.DemoReleaseTimeline;
import io.retrobridge.sandbox.prometheus.PrometheusSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.web.security.DemoAdminKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's pipeline: once the service is up, it reports the payment-gateway release history the way a CI system
 * would, through {@code POST /api/events/deployments}: 4.1.3 a week ago, 4.2.0 two days ago, and the rollback to
 * 4.1.3 forty minutes after it, all carrying the seeded change. With the change's unsuccessful close, that is the
 * failed release the demo's retrospective is opened for. Then it reports, as Alertmanager would through
 * {@code POST /webhooks/alertmanager}, the error-rate alert that fired after 4.2.0 and resolved after the rollback.
 */
@Component
@Profile("demo")
class DemoReleaseHistory {

    static final String APPLICATION = "payment-gateway";
    private static final String CHANGE_TITLE = "Upgrade payment gateway client to 4.2";
    private static final Logger log = LoggerFactory.getLogger(DemoReleaseHistory.class);

    private final Environment environment;
    private final ObjectProvider<DemoAdminKey> demoKey;
    private final ServiceNowSandbox servicenow;
    private final DemoReleaseTimeline timeline;
    private final PrometheusSandbox prometheus;

    DemoReleaseHistory(Environment environment, ObjectProvider<DemoAdminKey> demoKey, ServiceNowSandbox servicenow,
            DemoReleaseTimeline timeline, PrometheusSandbox prometheus) {
        this.environment = environment;
        this.demoKey = demoKey;
        this.servicenow = servicenow;
        this.timeline = timeline;
        this.prometheus = prometheus;
    }

    /** Before the banner, so the history is in the inbox by the time a newcomer reads it. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void report() {
        DemoAdminKey key = demoKey.getIfAvailable();
        if (key == null) {
            log.info("Demo release history not reported: no demo admin key (a bootstrap admin key is set)");
            return;
        }
        String change = seededChange(servicenow).orElse(null);
        String app = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        URI events = URI.create(app + "/api/events/deployments");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String event : history(change)) {
            post(http, events, "X-API-Key", key.value(), event);
        }
        String alertSecret = environment.getProperty("retrobridge.alertmanager.secret");
        if (alertSecret != null && !alertSecret.isBlank()) {
            post(http, URI.create(app + "/webhooks/alertmanager"), "Authorization", "Bearer " + alertSecret,
                    DemoAlertNotification.resolved(timeline, APPLICATION, prometheus.baseUrl()));
        }
    }

    /** The three runs, oldest first. */
    List<String> history(String change) {
        return List.of(
                run("demo-pg-4101", "4.1.3", timeline.previousStarted(), "success", false, null),
                run("demo-pg-4187", "4.2.0", timeline.releaseStarted(), "success", false, change),
                run("demo-pg-4192", "4.1.3", timeline.rollbackStarted(), "success", true, change));
    }

    private static String run(String runId, String version, Instant started, String result, boolean rollback,
            String change) {
        Instant finished = DemoReleaseTimeline.finished(started);
        return "{\"application\":\"" + APPLICATION + "\",\"environment\":\"production\",\"version\":\"" + version
                + "\",\"pipeline\":\"payment-gateway release\",\"runId\":\"" + runId
                + "\",\"runUrl\":\"https://ci.example.com/payment-gateway/runs/" + runId
                + "\",\"startedAt\":\"" + started + "\",\"finishedAt\":\"" + finished + "\",\"result\":\"" + result
                + "\",\"rollback\":" + rollback + (change == null ? "" : ",\"changeNumber\":\"" + change + "\"") + "}";
    }

    /** The number of the change the demo's failed release carries. */
    static Optional<String> seededChange(ServiceNowSandbox servicenow) {
        return servicenow.records("change_request").stream()
                .filter(record -> CHANGE_TITLE.equals(record.get("short_description")))
                .map((Map<String, String> record) -> record.get("number")).findFirst();
    }

    private static void post(HttpClient http, URI events, String authHeader, String credential, String body) {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                .header(authHeader, credential).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                log.warn("Demo release history: {} answered {}: {}", events, answer.statusCode(), answer.body());
            }
        } catch (IOException e) {
            log.warn("Demo release history could not be reported to {}: {}", events, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
