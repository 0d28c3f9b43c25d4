package io.retrobridge.pipeline;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CI/CD system's own deliveries read as deployments, the same way at intake and when the stored event is
 * handled. The intake stores a report under {@code <application>@<environment>}, so every report for one
 * application and environment is applied in order, and keys it by run and reported status, so the started and
 * the finished report of a run are both kept and a redelivery of either is a duplicate.
 */
public abstract class NativeDeploymentReader implements DeploymentReader {

    /** The kinds this reader reads, e.g. {@code github:deployment_status}. */
    protected abstract Set<String> kindNames();

    /**
     * What the delivery reports.
     *
     * @param receivedAt when it arrived: the time of a report whose payload carries none
     */
    protected abstract DeploymentReading reading(String kind, Payload payload, Instant receivedAt)
            throws InvalidWebhookException;

    @Override
    public Set<HandledKind> kinds() {
        return kindNames().stream().map(HandledKind::named).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<Deployment> read(InboundEvent event) throws InvalidWebhookException {
        DeploymentReading reading = reading(event.kind(), event.payload().getBytes(StandardCharsets.UTF_8),
                event.receivedAt());
        return reading instanceof DeploymentReading.Reported reported ? Optional.of(reported.deployment())
                : Optional.empty();
    }

    @Override
    public Optional<Instant> commitTime(InboundEvent event) {
        if (!kindNames().contains(event.kind())) {
            return Optional.empty();
        }
        try {
            return commitTime(event.kind(), Payload.of(event.payload().getBytes(StandardCharsets.UTF_8), event.kind()));
        } catch (InvalidWebhookException | IllegalArgumentException e) {
            // The commit time is a nicety for the lead time: an unreadable one leaves it unknown.
            return Optional.empty();
        }
    }

    /** When the deployed commit was made, where a delivery of {@code kind} says; none unless a system overrides. */
    protected Optional<Instant> commitTime(String kind, Payload payload) throws InvalidWebhookException {
        return Optional.empty();
    }

    /** What the intake stores for a delivery of {@code kind}, or why it drops it; refuses what it cannot read. */
    public WebhookNotice notice(String kind, byte[] body, Instant receivedAt) throws InvalidWebhookException {
        DeploymentReading reading = reading(kind, body, receivedAt);
        if (reading instanceof DeploymentReading.NotADeployment none) {
            return new WebhookNotice.Ignored(kind, none.reason());
        }
        DeploymentReading.Reported reported = (DeploymentReading.Reported) reading;
        Deployment deployment = reported.deployment();
        return new WebhookNotice.Change(kind, entityId(deployment),
                DedupKeys.of(kind, deployment.runId(), reported.reportedState()));
    }

    /** The inbox entity of every report about one application in one environment. */
    public static String entityId(Deployment deployment) {
        return deployment.application() + "@" + deployment.environment();
    }

    /** Environments are compared in lower case ({@code Production} and {@code production} are one). */
    protected static String environment(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private DeploymentReading reading(String kind, byte[] body, Instant receivedAt) throws InvalidWebhookException {
        if (!kindNames().contains(kind)) {
            throw new InvalidWebhookException(quote(kind) + " is not a kind this reader reads ("
                    + String.join(", ", kindNames().stream().sorted().toList()) + ").", kind);
        }
        Payload payload = Payload.of(body, kind);
        try {
            return reading(kind, payload, receivedAt);
        } catch (IllegalArgumentException e) {
            // The deployment fact refused what the fields add up to (e.g. finished before started).
            throw payload.invalid("The delivery does not describe a deployment: " + e.getMessage());
        }
    }
}
