package io.retrobridge.pipeline;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one CI/CD system's stored deliveries as deployment facts. Each system's webhook reader uses it to refuse a
 * delivery it cannot read before anything is stored; the deployment handler reads the stored event again with it,
 * so a replayed event is read exactly as it first was.
 */
public interface DeploymentReader {

    /** The inbox events this reader reads. */
    Set<HandledKind> kinds();

    /**
     * The deployment the event reports; empty when it reports none (a workflow run that deploys nothing).
     *
     * @throws InvalidWebhookException naming the missing or malformed field
     */
    Optional<Deployment> read(InboundEvent event) throws InvalidWebhookException;

    /** When the deployed commit was made, where the event says (for the change lead time); empty by default. */
    default Optional<Instant> commitTime(InboundEvent event) {
        return Optional.empty();
    }
}
