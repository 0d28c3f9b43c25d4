package io.retrobridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.sandbox.DemoReleaseTimeline;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's alert is an Alertmanager version-4 notification shaped like a real one, timed by the demo's releases. */
class DemoAlertNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DemoReleaseTimeline timeline = DemoReleaseTimeline.before(Instant.parse("2026-03-02T09:30:00Z"));

    @Test
    void itHasTheFieldsOfARealNotificationAndReportsTheTruncationCount() throws Exception {
        JsonNode reference = JSON.readTree(Files.readString(Path.of(System.getProperty("retrobridge.reference-dir",
                "../shared/reference"), "monitoring", "alertmanager", "zulip.alert.firing-two-alerts.json")));
        JsonNode demo = notification();

        List<String> expected = names(reference);
        expected.add("truncatedAlerts");
        assertThat(names(demo)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(demo.get("alerts").get(0))).containsExactlyInAnyOrderElementsOf(names(reference.get("alerts").get(0)));
        assertThat(demo.get("version").asText()).isEqualTo("4");
        assertThat(demo.get("truncatedAlerts").asInt()).isZero();
        assertThat(demo.at("/alerts/0/fingerprint").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void theErrorRateAlertFiredAfter420WentOutAndResolvedAfterTheRollback() throws Exception {
        JsonNode alert = notification().at("/alerts/0");

        assertThat(alert.at("/labels/alertname").asText()).isEqualTo("HighErrorRate");
        assertThat(alert.at("/labels/service").asText()).isEqualTo("payment-gateway");
        assertThat(alert.at("/labels/environment").asText()).isEqualTo("production");
        assertThat(alert.get("status").asText()).isEqualTo("resolved");
        Instant fired = Instant.parse(alert.get("startsAt").asText());
        Instant resolved = Instant.parse(alert.get("endsAt").asText());
        assertThat(fired).isAfter(timeline.releaseFinished()).isBefore(timeline.rollbackStarted());
        assertThat(resolved).isAfter(timeline.rollbackFinished());
        assertThat(URLDecoder.decode(alert.get("generatorURL").asText(), StandardCharsets.UTF_8))
                .startsWith("http://localhost:8093/graph?g0.expr=sum(rate(http_requests_total{service=\"payment-gateway\"");
    }

    private JsonNode notification() throws Exception {
        return JSON.readTree(DemoAlertNotification.resolved(timeline, "payment-gateway", URI.create("http://localhost:8093")));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
