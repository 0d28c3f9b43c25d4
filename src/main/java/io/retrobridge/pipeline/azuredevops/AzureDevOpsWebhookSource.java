package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.Payload;
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
 * Azure DevOps service hook deliveries, proven by the subscription's basic authentication (any user name, the
 * secret as password): the release deployment completed event is read as a deployment; other events are
 * acknowledged and dropped.
 */
@Component
class AzureDevOpsWebhookSource implements WebhookSource {

    private final PipelineProperties settings;
    private final AzureDevOpsDeploymentReader reader;
    private final Clock clock;

    AzureDevOpsWebhookSource(PipelineProperties settings, AzureDevOpsDeploymentReader reader,
                             ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.reader = reader;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public ExternalSystem system() {
        return AzureDevOpsDeploymentReader.AZURE_DEVOPS;
    }

    @Override
    public String name() {
        return "azure-devops";
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
        return "retrobridge.pipeline.azure-devops.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return PipelineProperties.secret(settings.azureDevops().webhookSecret());
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        String kind = AzureDevOpsDeploymentReader.DEPLOYMENT_COMPLETED;
        String eventType = Payload.of(body, kind).required("eventType", "a service hook names its event there.");
        if (!AzureDevOpsDeploymentReader.EVENT_TYPE.equals(eventType)) {
            return new WebhookNotice.Ignored("azure-devops:other", "RetroBridge reads only "
                    + AzureDevOpsDeploymentReader.EVENT_TYPE + " from Azure DevOps; " + quote(eventType)
                    + " can be switched off in the project's service hooks.");
        }
        return reader.notice(kind, body, clock.instant());
    }
}
