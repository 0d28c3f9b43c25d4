package io.retrobridge.pipeline;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.ApiEventSource;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/events/deployments}: a pipeline reports a deployment run in the documented shape. Every report
 * of an application's deployments to one environment is one entity in the inbox ({@code <application>@<environment>}),
 * so they are handled one at a time, in order; a report is the same report again when its run and result are.
 */
@Component
class DeploymentEventSource implements ApiEventSource {

    static final String SCHEMA = "schemas/deployment-event.schema.json";

    private final GenericDeploymentReader reader;

    DeploymentEventSource(GenericDeploymentReader reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "deployments";
    }

    @Override
    public ExternalSystem system() {
        return GenericDeploymentReader.PIPELINE;
    }

    @Override
    public String summary() {
        return "Report a deployment run (started or finished) from a pipeline";
    }

    @Override
    public Optional<String> schemaResource() {
        return Optional.of(SCHEMA);
    }

    @Override
    public WebhookNotice read(byte[] body) throws InvalidWebhookException {
        Deployment deployment = reader.read(body);
        return new WebhookNotice.Change(GenericDeploymentReader.KIND,
                deployment.application() + "@" + deployment.environment(),
                DedupKeys.of("deployment", deployment.source().name(), deployment.runId(),
                        deployment.result().name().toLowerCase(Locale.ROOT)));
    }
}
