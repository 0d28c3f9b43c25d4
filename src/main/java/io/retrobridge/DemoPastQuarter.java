package io.retrobridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sandbox.DemoHistory;
import io.retrobridge.sandbox.prometheus.PrometheusSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.servicenow.ServiceNowProperties;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's last three months ({@link DemoHistory}), reported once the service is up, through the doors real data
 * takes: each production run as its GitLab pipeline reports it (a Pipeline Hook to {@code /webhooks/gitlab}, with the
 * deployed commit's time), and each alert that marked a failed release as Alertmanager does. The retrospectives held
 * for those failures are recorded as RetroBridge recorded them back then: opened on their day, around the ServiceNow
 * problem the sandbox holds with its action items; the sync, the follow-up refresh and the escalation scan take it
 * from there, as for any problem task.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "retrobridge.sandbox.history", havingValue = "true", matchIfMissing = true)
class DemoPastQuarter {

    private static final Logger log = LoggerFactory.getLogger(DemoPastQuarter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GITLAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String TIER = "lightweight";
    private static final Duration WAITING_TIME = Duration.ofMinutes(5);

    private final Environment environment;
    private final ServiceNowSandbox servicenow;
    private final PrometheusSandbox prometheus;
    private final RetrospectiveStore retrospectives;
    private final DeploymentStore deployments;
    private final LinkStore links;
    private final ServiceNowProperties servicenowSettings;

    DemoPastQuarter(Environment environment, ServiceNowSandbox servicenow, PrometheusSandbox prometheus,
                    RetrospectiveStore retrospectives, DeploymentStore deployments, LinkStore links,
                    ServiceNowProperties servicenowSettings) {
        this.environment = environment;
        this.servicenow = servicenow;
        this.prometheus = prometheus;
        this.retrospectives = retrospectives;
        this.deployments = deployments;
        this.links = links;
        this.servicenowSettings = servicenowSettings;
    }

    /**
     * After the demo's own release history (DemoReleaseHistory), so the banner's release loop is not held up behind
     * three months of runs: the runs of one application are worked through one at a time. The retrospectives are
     * recorded at once; the runs are reported on a thread of their own, and the alerts once their runs are recorded,
     * since an alert is linked to the run that went out before it fired.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void report() {
        DemoHistory history = DemoHistory.before(Instant.now());
        recordRetrospectives(history);
        String gitlabToken = environment.getProperty("retrobridge.pipeline.gitlab.webhook-secret");
        if (gitlabToken == null || gitlabToken.isBlank()) {
            log.info("Demo history not reported: no retrobridge.pipeline.gitlab.webhook-secret");
            return;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            log.info("Demo history not reported: no web server is listening");
            return;
        }
        String app = "http://localhost:" + port;
        Thread reporter = new Thread(() -> {
            try {
                reportRuns(history, app, gitlabToken);
            } catch (RuntimeException e) {
                // The demo stopped meanwhile (its store closed): there is no one left to tell.
                log.info("Demo history reporting stopped: {}", e.toString());
            }
        }, "demo-history");
        reporter.setDaemon(true);
        reporter.start();
    }

    private void reportRuns(DemoHistory history, String app, String gitlabToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI gitlab = URI.create(app + "/webhooks/gitlab");
        for (DemoHistory.Run run : history.runs()) {
            post(http, gitlab, Map.of("X-Gitlab-Token", gitlabToken, "X-Gitlab-Event", "Pipeline Hook"),
                    pipelineHook(run));
        }
        log.info("Demo history: {} pipeline runs of the last three months reported", history.runs().size());
        noteFixes(http, history);
        String alertSecret = environment.getProperty("retrobridge.alertmanager.secret");
        if (alertSecret == null || alertSecret.isBlank() || !recorded(history)) {
            return;
        }
        log.info("Demo history: the runs are recorded; reporting the alerts of the failed ones");
        URI alerts = URI.create(app + "/webhooks/alertmanager");
        history.runs().stream().filter(DemoHistory.Run::failed).forEach(run -> post(http, alerts,
                Map.of("Authorization", "Bearer " + alertSecret), DemoAlertNotification.resolved(
                        run.application(), run.alertFired(), run.alertResolved(), prometheus.baseUrl())));
    }

    /** Waits until every run of the history is recorded; false when that takes too long (the alerts stay out). */
    private boolean recorded(DemoHistory history) {
        Instant from = history.months().get(0).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = history.months().get(2).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<String> applications = new LinkedHashSet<>();
        history.runs().forEach(run -> applications.add(run.application()));
        return waitFor(() -> applications.stream().allMatch(application -> deployments.between(application,
                "production", from, to).size() >= history.runsOf(application).size()), "recorded");
    }

    private static boolean waitFor(BooleanSupplier done, String what) {
        Instant giveUp = Instant.now().plus(WAITING_TIME);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                log.warn("Demo history: not all of it was {} within {}; the rest is left out", what, WAITING_TIME);
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Once the sync has copied a closed past action item to Jira (the copy is closed today), its owner's fix notes go
     * onto the ServiceNow task, as the problem manager's review of the quarter would have them: ServiceNow is then the
     * side changed last, and the day the item was closed is read from its closed_at, not from the copy's.
     */
    private void noteFixes(HttpClient http, DemoHistory history) {
        Map<String, String> closedOn = new HashMap<>();
        history.retrospectives().forEach(retro -> retro.items().stream().filter(item -> item.closedOn() != null)
                .forEach(item -> closedOn.put(item.title(), item.closedOn().toString())));
        List<Map<String, String>> tasks = servicenow.records("problem_task").stream()
                .filter(task -> closedOn.containsKey(task.get("short_description"))).toList();
        if (!waitFor(() -> tasks.stream().allMatch(task -> links.findByExternal(
                new ExternalRef(ExternalSystem.SERVICENOW, task.get("sys_id"))).isPresent()), "synced to Jira")) {
            return;
        }
        // ServiceNow keeps sys_updated_on to the second: the notes must land in a later second than the copies.
        try {
            Thread.sleep(2000 - System.currentTimeMillis() % 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String basic = Base64.getEncoder().encodeToString((servicenowSettings.username() + ":"
                + servicenowSettings.password()).getBytes(StandardCharsets.UTF_8));
        for (Map<String, String> task : tasks) {
            String notes = "Closed on " + closedOn.get(task.get("short_description")) + ", as the retrospective asked.";
            URI target = URI.create(servicenow.baseUrl() + "/api/now/table/problem_task/" + task.get("sys_id"));
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("fix_notes", notes).toString())).build();
            send(http, request);
        }
        log.info("Demo history: fix notes written on {} closed action items", tasks.size());
    }

    /**
     * Each past retrospective, opened on its day, with the ServiceNow problem people held it in. It has no Jira issue:
     * back then the retrospective lived in ServiceNow alone.
     */
    private void recordRetrospectives(DemoHistory history) {
        for (DemoHistory.Retro retro : history.retrospectives()) {
            Optional<Map<String, String>> problem = servicenow.records("problem").stream()
                    .filter(record -> retro.problemTitle().equals(record.get("short_description"))).findFirst();
            if (problem.isEmpty()) {
                log.warn("Demo history: no ServiceNow problem '{}'; its retrospective is left out",
                        retro.problemTitle());
                continue;
            }
            Retrospective opened = retrospectives.open(trigger(retro), "problem", retro.openedAt());
            if (opened.serviceNowSysId() == null) {
                retrospectives.recordServiceNow(opened.id(), problem.get().get("sys_id"), problem.get().get("number"),
                        null, "the release names no ServiceNow change, so its rfc is left empty");
            }
        }
    }

    private static RetrospectiveTrigger trigger(DemoHistory.Retro retro) {
        DemoHistory.Run run = retro.failure();
        String program = List.of("payment-gateway", "checkout").contains(run.application()) ? "payments" : null;
        return new RetrospectiveTrigger(retro.key(), "post-release-alert", TIER,
                List.of("summary", "timeline", "what-went-wrong", "action-items"), List.of("what-went-well", "metrics"),
                "HighErrorRate fired " + DemoHistory.ALERT_DELAY.toMinutes() + " minutes after " + run.application()
                        + " " + run.version() + " reached production",
                run.application(), "production", run.version(), null, program,
                retro.openedAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(7), run.alertFired(),
                List.of(retro.key()));
    }

    /** A GitLab Pipeline Hook of a tagged pipeline whose deploy job went to production. */
    static String pipelineHook(DemoHistory.Run run) {
        String sha = sha(run);
        String project = "shop/" + run.application();
        String web = "https://gitlab.example.com/" + project;
        ObjectNode hook = JSON.createObjectNode();
        hook.put("object_kind", "pipeline");
        ObjectNode attributes = hook.putObject("object_attributes");
        attributes.put("id", run.pipelineId());
        attributes.put("ref", run.version());
        attributes.put("tag", true);
        attributes.put("sha", sha);
        attributes.put("status", "success");
        attributes.putArray("stages").add("build").add("deploy");
        attributes.put("created_at", GITLAB_TIME.format(run.startedAt()));
        attributes.put("finished_at", GITLAB_TIME.format(run.finishedAt()));
        attributes.put("url", web + "/-/pipelines/" + run.pipelineId());
        ObjectNode repository = hook.putObject("project");
        repository.put("name", run.application());
        repository.put("path_with_namespace", project);
        repository.put("web_url", web);
        ObjectNode commit = hook.putObject("commit");
        commit.put("id", sha);
        commit.put("message", "Release " + run.version() + "\n");
        commit.put("timestamp", run.committedAt().toString());
        commit.put("url", web + "/-/commit/" + sha);
        ObjectNode build = hook.putArray("builds").addObject();
        build.put("id", run.pipelineId() * 10L + 2);
        build.put("stage", "deploy");
        build.put("name", "deploy-production");
        build.put("status", "success");
        build.put("started_at", GITLAB_TIME.format(run.startedAt()));
        build.put("finished_at", GITLAB_TIME.format(run.finishedAt()));
        build.putObject("environment").put("name", "production").put("action", "start");
        try {
            return JSON.writeValueAsString(hook);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo pipeline hook", e);
        }
    }

    /** Forty hex digits that stay the same for the same run. */
    private static String sha(DemoHistory.Run run) {
        byte[] seed = (run.application() + "@" + run.version()).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(seed);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void post(HttpClient http, URI target, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        send(http, request.build());
    }

    private static void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                log.warn("Demo history: {} answered {}: {}", request.uri(), answer.statusCode(), answer.body());
            }
        } catch (IOException e) {
            log.warn("Demo history could not be reported to {}: {}", request.uri(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
