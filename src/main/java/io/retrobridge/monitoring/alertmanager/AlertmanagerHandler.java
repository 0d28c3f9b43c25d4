package io.retrobridge.monitoring.alertmanager;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.SyncResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Records the alerts of an Alertmanager notification. Each alert is one firing (group key, fingerprint, start): a
 * firing alert gives the detection time, its resolution the recovery time. What Alertmanager sends as an end is
 * read only on a resolved alert, since it sends a placeholder on firing ones (the zero time, or with older versions
 * a time some minutes ahead); a resolved alert whose end is the zero time (as hand-made payloads have) is taken as
 * resolved when the notification arrived. The store keeps a resolution whatever arrives after it, so a resolved
 * notification handled before the firing one ends resolved, and a firing one sent again later never reopens it.
 *
 * <p>Each alert is linked to the last successful deployment of its service to the production environment that
 * finished before it fired (DevLake's rule for tying incidents to deployments); an alert labelled with another
 * environment is not linked. A notification that left alerts out ({@code truncatedAlerts > 0}) is recorded as
 * incomplete data and said in the outcome.
 */
@Component
class AlertmanagerHandler implements EventHandler {

    private final AlertStore alerts;
    private final DeploymentStore deployments;
    private final AlertLabels labels;
    private final String production;

    AlertmanagerHandler(AlertStore alerts, DeploymentStore deployments, AlertLabels labels,
                        AlertmanagerProperties settings) {
        this.alerts = alerts;
        this.deployments = deployments;
        this.labels = labels;
        this.production = settings.production();
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(NotificationReader.KIND).from(AlertmanagerWebhookSource.ALERTMANAGER));
    }

    @Override
    public Recording recording() {
        return Recording.WITH_THE_OUTCOME;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        AlertmanagerNotification notification = read(event);
        int changed = 0;
        int resolved = 0;
        for (NotifiedAlert notified : notification.alerts()) {
            AlertStore.Recorded recorded = alerts.record(alert(notification.groupKey(), notified, event.receivedAt()));
            changed += recorded.changed() ? 1 : 0;
            resolved += recorded.alert().resolved() ? 1 : 0;
        }
        int count = notification.alerts().size();
        String what = count + (count == 1 ? " alert" : " alerts") + " of group " + notification.groupKey() + " ("
                + (count - resolved) + " firing, " + resolved + " resolved)";
        String incomplete = "";
        if (notification.truncatedAlerts() > 0) {
            alerts.recordTruncation(new AlertTruncation(notification.groupKey(), notification.receiver(),
                    labels.service(notification.commonLabels()), event.receivedAt(), notification.truncatedAlerts()));
            incomplete = "; incomplete data: Alertmanager left out " + notification.truncatedAlerts() + " alerts of"
                    + " group " + notification.groupKey() + " (the receiver's max_alerts)";
        }
        if (changed == 0 && incomplete.isEmpty()) {
            return SyncResult.skipped(what + " already recorded; this notification changed nothing");
        }
        return SyncResult.applied("recorded " + what + ", " + changed + " changed" + incomplete);
    }

    private Alert alert(String groupKey, NotifiedAlert notified, Instant receivedAt) {
        String service = labels.service(notified.labels());
        String environment = labels.environment(notified.labels());
        Instant endsAt = null;
        if (notified.resolved()) {
            endsAt = notified.endsAt() != null ? notified.endsAt()
                    : receivedAt.isBefore(notified.startsAt()) ? notified.startsAt() : receivedAt;
        }
        return new Alert(groupKey, notified.fingerprint(), notified.name(), service, environment,
                notified.labels().get("severity"), notified.summary(), notified.startsAt(), endsAt,
                notified.generatorUrl(), notified.labels(),
                deploymentBefore(service, environment, notified.startsAt()));
    }

    /** DevLake's rule: the last successful production deployment of the service that finished before it fired. */
    private String deploymentBefore(String service, String environment, Instant firedAt) {
        if (service == null || (environment != null && !environment.equals(production))) {
            return null;
        }
        return deployments.successfulBefore(service, production, firedAt, 1).stream().findFirst()
                .map(AlertmanagerHandler::runOf).orElse(null);
    }

    private static String runOf(Deployment deployment) {
        return deployment.source().name() + ":" + deployment.runId();
    }

    private static AlertmanagerNotification read(InboundEvent event) {
        try {
            return NotificationReader.read(event.payload().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidWebhookException e) {
            // It was read when it arrived; unreadable now means the reader changed since. Parked, to be replayed.
            throw new IllegalStateException("The stored " + event.kind() + " event cannot be read as an Alertmanager"
                    + " notification: " + e.getMessage());
        }
    }
}
