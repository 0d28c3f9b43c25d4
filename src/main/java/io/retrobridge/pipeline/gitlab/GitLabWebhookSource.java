package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * GitLab webhook deliveries (the secret token in {@code X-Gitlab-Token}, the event named in {@code X-Gitlab-Event}):
 * {@code Deployment Hook} and {@code Pipeline Hook} are read as deployments; other events are acknowledged and
 * dropped.
 */
@Component
class GitLabWebhookSource implements WebhookSource {

    private static final Map<String, String> KIND_BY_EVENT = Map.of(
            "Deployment Hook", GitLabDeploymentReader.DEPLOYMENT,
            "Pipeline Hook", GitLabDeploymentReader.PIPELINE);

    private final PipelineProperties settings;
    private final GitLabDeploymentReader reader;
    private final Clock clock;

    GitLabWebhookSource(PipelineProperties settings, GitLabDeploymentReader reader, ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.reader = reader;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public ExternalSystem system() {
        return GitLabDeploymentReader.GITLAB;
    }

    @Override
    public String signatureHeader() {
        return "X-Gitlab-Token";
    }

    @Override
    public Proof proof() {
        return Proof.TOKEN;
    }

    @Override
    public String secretSetting() {
        return "retrobridge.pipeline.gitlab.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return PipelineProperties.secret(settings.gitlab().webhookSecret());
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        String event = Optional.ofNullable(headers.get("X-Gitlab-Event")).map(String::strip)
                .filter(name -> !name.isEmpty()).orElseThrow(() -> new InvalidWebhookException(
                        "X-Gitlab-Event is missing: GitLab names the event of every delivery there."));
        String kind = KIND_BY_EVENT.get(event);
        if (kind == null) {
            return new WebhookNotice.Ignored("gitlab:other", "RetroBridge reads only Deployment Hook and Pipeline"
                    + " Hook from GitLab; " + quote(event) + " deliveries can be switched off in the webhook's"
                    + " triggers.");
        }
        return reader.notice(kind, body, clock.instant());
    }
}
