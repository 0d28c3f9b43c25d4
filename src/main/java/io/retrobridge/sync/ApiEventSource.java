package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.util.Optional;

/**
 * A kind of event our own API takes from callers holding an API key (a pipeline posting a deployment), rather than
 * from a system's signed webhook. An adapter registers one as a bean and is then served at
 * {@code POST /api/events/<name>}; the web intake reads the body within its limits and stores the change in the
 * inbox before answering, so a reader only reads, and refuses what it cannot read before anything is stored.
 */
public interface ApiEventSource {

    /** Lower-case name for the path, e.g. {@code deployments}. */
    String name();

    /** The system the stored events come from. */
    ExternalSystem system();

    /** One line saying what a caller posts here, for the API description. */
    String summary();

    /** The classpath resource holding the JSON Schema of the body, e.g. {@code schemas/deployment-event.schema.json}. */
    default Optional<String> schemaResource() {
        return Optional.empty();
    }

    /**
     * Reads a body; throws with a message that starts with the offending field and says how to fix it.
     *
     * @return the change to store, or {@link WebhookNotice.Ignored} for a valid event there is nothing to do for
     */
    WebhookNotice read(byte[] body) throws InvalidWebhookException;
}
