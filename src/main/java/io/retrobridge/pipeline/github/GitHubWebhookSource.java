package io.retrobridge.pipeline.github;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * GitHub webhook deliveries ({@code X-Hub-Signature-256: sha256=<hex>}, the event named in {@code X-GitHub-Event}):
 * {@code deployment_status} and {@code workflow_run} are read as deployments; every other event, {@code ping}
 * included, is acknowledged and dropped.
 */
@Component
class GitHubWebhookSource implements WebhookSource {

    // GitHub's event names; anything else is counted under one name, so a sender cannot mint metric series.
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,50}");

    private final PipelineProperties settings;
    private final GitHubDeploymentReader reader;
    private final Clock clock;

    GitHubWebhookSource(PipelineProperties settings, GitHubDeploymentReader reader, ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.reader = reader;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
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
        return "retrobridge.pipeline.github.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return PipelineProperties.secret(settings.github().webhookSecret());
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        String event = Optional.ofNullable(headers.get("X-GitHub-Event")).map(String::strip)
                .filter(name -> !name.isEmpty()).orElseThrow(() -> new InvalidWebhookException(
                        "X-GitHub-Event is missing: GitHub names the event of every delivery there."));
        String kind = "github:" + event;
        if (!kind.equals(GitHubDeploymentReader.DEPLOYMENT_STATUS) && !kind.equals(GitHubDeploymentReader.WORKFLOW_RUN)) {
            return new WebhookNotice.Ignored(EVENT_NAME.matcher(event).matches() ? kind : "github:other",
                    "RetroBridge reads only"
                    + " deployment_status and workflow_run from GitHub; " + quote(event)
                    + " deliveries can be switched off in the webhook's settings.");
        }
        return reader.notice(kind, body, clock.instant());
    }
}
