package io.retrobridge.pipeline.jenkins;

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
 * Jenkins Notification plugin deliveries (JSON, HTTP). The plugin can only be given a URL, so the proof is basic
 * authentication carried as the URL's user-info ({@code https://retrobridge:SECRET@host/webhooks/jenkins}).
 */
@Component
class JenkinsWebhookSource implements WebhookSource {

    private final PipelineProperties settings;
    private final JenkinsDeploymentReader reader;
    private final Clock clock;

    JenkinsWebhookSource(PipelineProperties settings, JenkinsDeploymentReader reader, ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.reader = reader;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public ExternalSystem system() {
        return JenkinsDeploymentReader.JENKINS;
    }

    @Override
    public String signatureHeader() {
        return "Authorization";
    }

    @Override
    public Proof proof() {
        return Proof.BASIC_AUTH;
    }

    @Override
    public String secretSetting() {
        return "retrobridge.pipeline.jenkins.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return PipelineProperties.secret(settings.jenkins().webhookSecret());
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        return reader.notice(JenkinsDeploymentReader.BUILD, body, clock.instant());
    }
}
