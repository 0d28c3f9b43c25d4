package io.retrobridge.pipeline;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the documented deployment event that any pipeline posts to {@code POST /api/events/deployments}, stored as
 * {@code pipeline:deployment} events of system {@code PIPELINE}.
 */
@Component
public class GenericDeploymentReader implements DeploymentReader {

    public static final ExternalSystem PIPELINE = ExternalSystem.valueOf("PIPELINE");
    public static final String KIND = "pipeline:deployment";

    @Override
    public Set<HandledKind> kinds() {
        return Set.of(HandledKind.named(KIND).from(PIPELINE));
    }

    @Override
    public Optional<Deployment> read(InboundEvent event) throws InvalidWebhookException {
        return Optional.of(read(event.payload().getBytes(StandardCharsets.UTF_8)));
    }

    /** The deployment a posted body reports; refuses it naming the field it cannot take. */
    Deployment read(byte[] body) throws InvalidWebhookException {
        return DeploymentEventJson.read(body, PIPELINE);
    }
}
