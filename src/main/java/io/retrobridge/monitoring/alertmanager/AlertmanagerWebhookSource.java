package io.retrobridge.monitoring.alertmanager;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Alertmanager's webhook receiver at {@code /webhooks/alertmanager}: proven by the bearer token or the basic
 * authentication its {@code http_config} sends, one inbox event per notification. The event is about the
 * notification group (its group key), so the notifications of one group are applied in the order they arrived, and
 * keyed by what its alerts say (fingerprint, status, start and end of each), so a notification sent again unchanged
 * (Alertmanager repeats firing groups every repeat_interval, and retries) is a duplicate.
 */
@Component
class AlertmanagerWebhookSource implements WebhookSource {

    static final ExternalSystem ALERTMANAGER = ExternalSystem.valueOf("ALERTMANAGER");

    private final AlertmanagerProperties settings;

    AlertmanagerWebhookSource(AlertmanagerProperties settings) {
        this.settings = settings;
    }

    @Override
    public ExternalSystem system() {
        return ALERTMANAGER;
    }

    @Override
    public String signatureHeader() {
        return "Authorization";
    }

    @Override
    public Proof proof() {
        return Proof.BEARER_OR_BASIC;
    }

    @Override
    public String secretSetting() {
        return "retrobridge.alertmanager.secret";
    }

    @Override
    public Optional<String> secret() {
        return settings.configuredSecret();
    }

    @Override
    public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
        AlertmanagerNotification notification = NotificationReader.read(body);
        return new WebhookNotice.Change(NotificationReader.KIND, entityId(notification.groupKey()),
                dedupKey(notification));
    }

    /** The group key itself when it fits an inbox entity id, else a hash of it (still one entity per group). */
    static String entityId(String groupKey) {
        if (groupKey.length() <= 255) {
            return groupKey;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(groupKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    static String dedupKey(AlertmanagerNotification notification) {
        StringBuilder alerts = new StringBuilder();
        notification.alerts().stream()
                .sorted(Comparator.comparing(NotifiedAlert::fingerprint).thenComparing(NotifiedAlert::startsAt))
                .forEach(alert -> alerts.append(alert.fingerprint()).append('/').append(alert.startsAt())
                        .append('/').append(alert.resolved() ? "resolved" : "firing").append('/')
                        .append(alert.resolved() ? String.valueOf(alert.endsAt()) : "-").append(';'));
        return DedupKeys.of(NotificationReader.KIND, notification.groupKey(), notification.status(),
                alerts.toString(), String.valueOf(notification.truncatedAlerts()));
    }
}
