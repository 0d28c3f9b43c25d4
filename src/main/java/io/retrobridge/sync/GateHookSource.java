package io.retrobridge.sync;

import java.util.Map;

/**
 * A CI/CD system that asks the deployment gate through its own native hook (a GitHub deployment protection rule, a
 * GitLab external status check, an Azure DevOps check with a callback) and is answered by a call back. Served at
 * {@code POST /api/gates/hooks/<caller>}, not under {@code /webhooks/}: the delivery is proven and stored in the
 * inbox exactly like a webhook, acknowledged at once, and the source's own handler asks the gate and calls back.
 */
public interface GateHookSource extends WebhookSource {

    /** The last segment of the hook's path, e.g. {@code github}, {@code gitlab}, {@code azure-devops}. */
    String caller();

    /**
     * Reads a verified delivery into the event its handler works from.
     *
     * @param gate the gate the delivery asks, from the hook URL's {@code ?gate=} or the default; a name checked
     *             like gates.yaml's, so the reader keeps it in the event's payload as it is
     */
    WebhookNotice read(byte[] body, Map<String, String> headers, String gate) throws InvalidWebhookException;

    /** A hook is always read with its gate; see {@link #read(byte[], Map, String)}. */
    @Override
    default WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        throw new UnsupportedOperationException("a gate hook is read with the gate it asks");
    }
}
