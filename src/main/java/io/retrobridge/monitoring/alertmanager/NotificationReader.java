package io.retrobridge.monitoring.alertmanager;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.transport.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the body of an Alertmanager webhook notification (payload version 4) and refuses, naming the field, whatever
 * is not one: another version, a missing or mistyped field, a time that is not RFC 3339, text with control characters
 * or longer than is kept. Fields it does not use are not looked at, so what newer Alertmanagers add passes.
 *
 * <p>Two allowances for older senders: an alert without its own {@code status} takes the notification's, and an alert
 * without a {@code fingerprint} gets the one Alertmanager computes from its labels (FNV-1a 64 over the label names
 * and values sorted by name, each followed by a 0xff byte, as 16 hex digits), so it is stable across notifications
 * and matches what a newer Alertmanager would send for the same labels.
 */
final class NotificationReader {

    static final String KIND = "alertmanager:notification";
    static final String VERSION = "4";
    static final int MAX_GROUP_KEY_LENGTH = 1000;
    static final int MAX_LABEL_LENGTH = 1000;
    static final int MAX_SUMMARY_LENGTH = 4000;
    static final int MAX_URL_LENGTH = 2000;

    /** Control, format and line-separator characters: nothing a one-line value, a log line or a page should carry. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    /** The same, except the line breaks and tabs a multi-line annotation may hold. */
    private static final Pattern UNPRINTABLE_IN_TEXT = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}&&[^\\n\\r\\t]]");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Alertmanager's "no time", sent as the end of an alert that still fires. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private NotificationReader() {
    }

    static AlertmanagerNotification read(byte[] body) throws InvalidWebhookException {
        JsonNode root = WebhookJson.object(body);
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            throw invalid("version is missing: Alertmanager sends \"version\": \"4\"; other senders are not read.");
        }
        if (!version.isTextual() || !VERSION.equals(version.asText())) {
            throw invalid("version " + quote(version.toString()) + " is not read; only Alertmanager's webhook payload"
                    + " version \"4\" is.");
        }
        String groupKey = oneLine(root, "groupKey", "it names the notification group, so its alerts are kept"
                + " together", MAX_GROUP_KEY_LENGTH);
        String status = status(root.get("status"), "status");
        String receiver = root.hasNonNull("receiver") ? oneLine(root, "receiver", "", 255) : null;
        long truncated = truncatedAlerts(root);
        Map<String, String> commonLabels = root.hasNonNull("commonLabels")
                ? labels(root.get("commonLabels"), "commonLabels") : Map.of();
        JsonNode alerts = root.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw invalid("alerts is missing: a notification lists the alerts of its group.");
        }
        if (!alerts.isArray()) {
            throw invalid("alerts is " + WebhookJson.describe(alerts) + ", not an array of alerts.");
        }
        if (alerts.isEmpty()) {
            throw invalid("alerts is empty: a notification lists at least one alert of its group.");
        }
        List<NotifiedAlert> read = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            read.add(alert(alerts.get(i), "alerts[" + i + "]", status));
        }
        return new AlertmanagerNotification(groupKey, status, receiver, truncated, commonLabels, read);
    }

    private static NotifiedAlert alert(JsonNode alert, String at, String notificationStatus)
            throws InvalidWebhookException {
        if (!alert.isObject()) {
            throw invalid(at + " is " + WebhookJson.describe(alert) + ", not an alert object.");
        }
        String status = alert.hasNonNull("status") ? status(alert.get("status"), at + ".status") : notificationStatus;
        JsonNode labelNode = alert.get("labels");
        if (labelNode == null || labelNode.isNull()) {
            throw invalid(at + ".labels is missing: an alert is named by its labels.");
        }
        Map<String, String> labels = labels(labelNode, at + ".labels");
        String name = labels.get("alertname");
        if (name == null || name.isBlank()) {
            throw invalid(at + ".labels.alertname is missing: every Prometheus alert carries its name there.");
        }
        Instant startsAt = time(alert, at + ".startsAt", "startsAt");
        if (startsAt == null) {
            throw invalid(at + ".startsAt is missing: it says when the alert started firing (RFC 3339).");
        }
        Instant endsAt = time(alert, at + ".endsAt", "endsAt");
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            if ("resolved".equals(status)) {
                throw invalid(at + ".endsAt " + endsAt + " is before its startsAt " + startsAt + ".");
            }
            endsAt = null;
        }
        String summary = summary(alert.get("annotations"), at + ".annotations");
        String generatorUrl = generatorUrl(alert, at + ".generatorURL");
        String fingerprint;
        if (alert.hasNonNull("fingerprint")) {
            fingerprint = text(alert.get("fingerprint"), at + ".fingerprint");
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                throw invalid(at + ".fingerprint " + quote(WebhookJson.printable(fingerprint)) + " is not a fingerprint (hex"
                        + " digits such as a1bc48475b20e73d).");
            }
        } else {
            fingerprint = fingerprintOf(labels);
        }
        return new NotifiedAlert("resolved".equals(status), labels, summary, startsAt, endsAt, generatorUrl,
                fingerprint);
    }

    /** Alertmanager's fingerprint of a label set, as 16 lower-case hex digits. */
    static String fingerprintOf(Map<String, String> labels) {
        long hash = FNV_OFFSET;
        for (String name : labels.keySet().stream().sorted().toList()) {
            hash = fnv(hash, name);
            hash = fnv(hash, labels.get(name));
        }
        return String.format(Locale.ROOT, "%016x", hash);
    }

    private static long fnv(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return (hash ^ 0xff) * FNV_PRIME;
    }

    private static String status(JsonNode value, String at) throws InvalidWebhookException {
        if (value == null || value.isNull()) {
            throw invalid(at + " is missing: it is firing or resolved.");
        }
        String status = text(value, at);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw invalid(at + " " + quote(WebhookJson.printable(status)) + " is neither firing nor resolved.");
        }
        return status;
    }

    private static long truncatedAlerts(JsonNode root) throws InvalidWebhookException {
        JsonNode value = root.get("truncatedAlerts");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw invalid("truncatedAlerts " + quote(value.toString()) + " is not a count of alerts (a whole number,"
                    + " 0 or more).");
        }
        return value.asLong();
    }

    private static Map<String, String> labels(JsonNode node, String at) throws InvalidWebhookException {
        if (!node.isObject()) {
            throw invalid(at + " is " + WebhookJson.describe(node) + ", not an object of label names and values.");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.isBlank() || name.length() > 255 || UNPRINTABLE.matcher(name).find()) {
                throw invalid(at + " has a label named " + quote(WebhookJson.printable(name)) + ", which is not a label name"
                        + " (one line, at most 255 characters).");
            }
            String value = text(field.getValue(), at + "." + name);
            if (value.length() > MAX_LABEL_LENGTH || UNPRINTABLE.matcher(value).find()) {
                throw invalid(at + "." + name + " " + quote(WebhookJson.printable(value)) + " is not a label value (one line of"
                        + " printable text, at most " + MAX_LABEL_LENGTH + " characters).");
            }
            labels.put(name, value);
        }
        return labels;
    }

    private static String summary(JsonNode annotations, String at) throws InvalidWebhookException {
        if (annotations == null || annotations.isNull()) {
            return null;
        }
        if (!annotations.isObject()) {
            throw invalid(at + " is " + WebhookJson.describe(annotations) + ", not an object of annotation names and values.");
        }
        for (String name : List.of("summary", "description")) {
            JsonNode value = annotations.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            String text = text(value, at + "." + name);
            if (text.length() > MAX_SUMMARY_LENGTH || UNPRINTABLE_IN_TEXT.matcher(text).find()) {
                throw invalid(at + "." + name + " is not readable text (printable characters and line breaks, at"
                        + " most " + MAX_SUMMARY_LENGTH + " characters).");
            }
            if (!text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    private static String generatorUrl(JsonNode alert, String at) throws InvalidWebhookException {
        JsonNode value = alert.get("generatorURL");
        if (value == null || value.isNull()) {
            return null;
        }
        String url = text(value, at);
        if (url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH || !WEB_URL.matcher(url).matches()) {
            throw invalid(at + " " + quote(WebhookJson.printable(url)) + " is not an http or https address of at most "
                    + MAX_URL_LENGTH + " characters.");
        }
        return url;
    }

    private static Instant time(JsonNode alert, String at, String field) throws InvalidWebhookException {
        JsonNode value = alert.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = text(value, at);
        if (text.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(at + " " + quote(WebhookJson.printable(text)) + " is not an RFC 3339 time such as"
                    + " 2020-02-06T00:17:58.432911368Z.");
        }
        return instant.equals(ZERO_TIME) ? null : instant;
    }

    private static String oneLine(JsonNode root, String field, String why, int maxLength)
            throws InvalidWebhookException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field + " is missing: " + why + ".");
        }
        String text = text(value, field);
        if (text.isBlank()) {
            throw invalid(field + " is blank: " + why + ".");
        }
        if (text.length() > maxLength || UNPRINTABLE.matcher(text).find() || !text.equals(text.strip())) {
            throw invalid(field + " " + quote(WebhookJson.printable(text)) + " is not one line of printable text of at most "
                    + maxLength + " characters without surrounding spaces.");
        }
        return text;
    }

    private static String text(JsonNode value, String at) throws InvalidWebhookException {
        if (!value.isTextual()) {
            throw invalid(at + " is " + WebhookJson.describe(value) + ", not a string.");
        }
        return value.asText();
    }


    private static InvalidWebhookException invalid(String message) {
        return new InvalidWebhookException(message, KIND);
    }
}
