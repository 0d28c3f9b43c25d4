package io.retrobridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.sandbox.DemoReleaseTimeline;
import io.retrobridge.sandbox.prometheus.PrometheusSeed;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Alertmanager webhook notification (payload version 4) the demo's monitoring would have sent about its failed
 * release: {@code HighErrorRate} on the service in production, fired a few minutes after 4.2.0 went out and resolved
 * after the rollback. One resolved notification carries both times.
 */
final class DemoAlertNotification {

    static final String ALERT_NAME = "HighErrorRate";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoAlertNotification() {
    }

    /** @param prometheus where the alert rule's expression can be graphed (the demo's simulated Prometheus) */
    static String resolved(DemoReleaseTimeline timeline, String service, URI prometheus) {
        return resolved(service, timeline.alertFired(), timeline.alertResolved(), prometheus);
    }

    /** The same alert of {@code service}, fired and resolved at other times (the demo's history has several). */
    static String resolved(String service, java.time.Instant firedAt, java.time.Instant resolvedAt, URI prometheus) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", ALERT_NAME, "service", service,
                "environment", "production", "severity", "critical"));
        Map<String, String> annotations = Map.of(
                "summary", "More than 5% of " + service + " requests fail",
                "description", "The 5xx ratio of " + service + " in production stayed above 5% for 2 minutes.");
        String expression = PrometheusSeed.demoQuery(PrometheusSeed.ERROR_RATE) + " > 0.05";
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", "resolved");
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", firedAt.toString());
        alert.put("endsAt", resolvedAt.toString());
        alert.put("generatorURL", prometheus + "/graph?g0.expr="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8) + "&g0.tab=1");
        alert.put("fingerprint", fingerprint(labels));
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("receiver", "retrobridge");
        notification.put("status", "resolved");
        notification.put("alerts", java.util.List.of(alert));
        notification.put("groupLabels", Map.of("alertname", ALERT_NAME));
        notification.put("commonLabels", labels);
        notification.put("commonAnnotations", annotations);
        notification.put("externalURL", "http://localhost:9093");
        notification.put("version", "4");
        notification.put("groupKey", "{}:{alertname=\"" + ALERT_NAME + "\"}");
        notification.put("truncatedAlerts", 0);
        try {
            return JSON.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo alert", e);
        }
    }

    /** Sixteen hex digits derived from the label set, as Alertmanager's fingerprints are. */
    private static String fingerprint(Map<String, String> sortedLabels) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sortedLabels.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
