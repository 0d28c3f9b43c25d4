package io.retrobridge.monitoring.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reader makes of the parts of a notification that older senders leave out or fill with placeholders. */
class NotificationReaderTest {

    @Test
    void aDerivedFingerprintDependsOnTheLabelsNotOnTheirOrder() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("alertname", "Fire");
        oneOrder.put("severity", "critical");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("severity", "critical");
        otherOrder.put("alertname", "Fire");

        assertThat(NotificationReader.fingerprintOf(oneOrder)).isEqualTo(NotificationReader.fingerprintOf(otherOrder))
                .matches("[0-9a-f]{16}");
        assertThat(NotificationReader.fingerprintOf(Map.of("alertname", "Fire", "severity", "warning")))
                .isNotEqualTo(NotificationReader.fingerprintOf(oneOrder));
        // The separator keeps label boundaries: {a="bc"} and {ab="c"} are different alerts.
        assertThat(NotificationReader.fingerprintOf(Map.of("a", "bc")))
                .isNotEqualTo(NotificationReader.fingerprintOf(Map.of("ab", "c")));
    }

    @Test
    void theZeroEndIsNoEndAndTimesWithOffsetsAreReadAsInstants() throws Exception {
        AlertmanagerNotification firing = NotificationReader.read(bytes(AlertmanagerDeliveries.sample(
                AlertmanagerWebhookTest.ZULIP_FIRING)));
        AlertmanagerNotification bot = NotificationReader.read(bytes(AlertmanagerDeliveries.sample(
                AlertmanagerWebhookTest.BOT_RESOLVED)));

        assertThat(firing.alerts()).extracting(NotifiedAlert::endsAt).containsOnlyNulls();
        assertThat(firing.truncatedAlerts()).isZero();
        assertThat(bot.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.resolved()).isTrue();
            assertThat(alert.startsAt()).isEqualTo(Instant.parse("2018-11-04T21:43:58.283995108Z"));
            assertThat(alert.endsAt()).isEqualTo(Instant.parse("2018-11-04T21:48:13.283995108Z"));
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
