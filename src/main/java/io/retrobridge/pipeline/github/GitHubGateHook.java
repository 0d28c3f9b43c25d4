package io.retrobridge.pipeline.github;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.GateHookSource;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * GitHub's custom deployment protection rule, {@code POST /api/gates/hooks/github}: the GitHub App's webhook,
 * signed with its secret in {@code X-Hub-Signature-256}. A {@code deployment_protection_rule} delivery with action
 * {@code requested} is kept for {@link GitHubGateHandler} as one event per run, environment and deployment, so a
 * redelivery or a replay is a duplicate; {@code ping} and every other event or action are acknowledged and dropped.
 */
@Component
class GitHubGateHook implements GateHookSource {

    static final String KIND = "github:deployment_protection_rule";
    static final String EVENT = "deployment_protection_rule";

    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,50}");
    private static final Pattern RUN = Pattern.compile("/actions/runs/([0-9]{1,20})/deployment_protection_rule$");

    private final GitHubGateHookProperties settings;
    private final GitHubDeploymentReader deployments;
    private final Clock clock;

    GitHubGateHook(GitHubGateHookProperties settings, GitHubDeploymentReader deployments,
            ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.deployments = deployments;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String caller() {
        return "github";
    }

    @Override
    public ExternalSystem system() {
        return GitHubDeploymentReader.GITHUB;
    }

    @Override
    public String signatureHeader() {
        return "X-Hub-Signature-256";
    }

    @Override
    public String secretSetting() {
        return GitHubGateHookProperties.PREFIX + ".webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return Optional.ofNullable(settings.webhookSecret()).filter(GitHubGateHookProperties::hasText);
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers, String gate) throws InvalidWebhookException {
        String event = Optional.ofNullable(headers.get("X-GitHub-Event")).map(String::strip)
                .filter(name -> !name.isEmpty()).orElseThrow(() -> new InvalidWebhookException(
                        "X-GitHub-Event is missing: GitHub names the event of every delivery there."));
        if (!EVENT.equals(event)) {
            return new WebhookNotice.Ignored(EVENT_NAME.matcher(event).matches() ? "github:" + event : "github:other",
                    "The gate's GitHub hook answers only deployment_protection_rule; " + quote(event)
                            + " deliveries can be switched off in the GitHub App's event subscriptions.");
        }
        Payload payload = Payload.of(body, KIND);
        String action = payload.word("action").orElse("");
        if (!"requested".equals(action)) {
            return new WebhookNotice.Ignored(KIND, "A deployment_protection_rule " + quote(action) + " delivery asks"
                    + " nothing; only action requested does.");
        }
        String callbackUrl = payload.required("deployment_callback_url", "the gate's answer is posted there.");
        Matcher run = RUN.matcher(callbackUrl);
        if (!run.find()) {
            throw payload.invalid("deployment_callback_url " + quote(callbackUrl) + " is not a review URL "
                    + "(.../repos/OWNER/REPO/actions/runs/RUN_ID/deployment_protection_rule).");
        }
        String environment = payload.identifier("environment", "it names the environment the run waits for.");
        long installationId = installation(payload);
        String repository = payload.identifier("repository.full_name", "owner/name identifies the run.");
        String deploymentId = payload.identifier("deployment.id", "one deployment of the run is asked about.");
        Optional<String> sha = payload.text("deployment.sha");
        String version = deployments.deployedVersion(payload).orElseThrow(() -> payload.invalid("deployment.sha is"
                + " missing and deployment.ref is no version: one of them names what is deployed."));
        Long repositoryId = payload.text("repository.id").filter(id -> id.matches("[0-9]{1,18}")).map(Long::valueOf)
                .orElse(null);
        String deliveryId = Optional.ofNullable(headers.get("X-GitHub-Delivery")).map(String::strip).orElse(null);
        GitHubGateRequest request = new GitHubGateRequest(gate, GitHubDeploymentReader.application(payload),
                environment, version, sha.orElse(null), payload.text("deployment.ref").orElse(null),
                deployments.changeNumber(payload).orElse(null), repository, repositoryId, run.group(1), deploymentId,
                callbackUrl, installationId, deliveryId, payload.text("sender.login").orElse(null), clock.instant(), 0);
        return new WebhookNotice.Change(KIND, request.entityId(), DedupKeys.of(KIND, repository, request.runId(),
                environment.toLowerCase(Locale.ROOT), deploymentId), request.toJson());
    }

    private static long installation(Payload payload) throws InvalidWebhookException {
        String id = payload.required("installation.id", "the App's installation reviews the run; GitHub sends it to"
                + " a GitHub App's webhook, not to a repository webhook.");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw payload.invalid("installation.id " + quote(id) + " is not a number.");
        }
    }
}
