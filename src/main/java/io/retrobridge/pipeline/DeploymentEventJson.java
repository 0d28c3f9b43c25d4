package io.retrobridge.pipeline;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.transport.WebhookJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the documented deployment event ({@code schemas/deployment-event.schema.json}) into a deployment fact,
 * refusing anything the schema does not allow with a message that starts with the field's name: values are
 * shown in journals, tickets and retrospectives, so a field is held to the characters its kind of value needs.
 */
final class DeploymentEventJson {

    static final Set<String> FIELDS = Set.of("application", "environment", "version", "commitSha", "pipeline",
            "runId", "runUrl", "startedAt", "finishedAt", "result", "rollback", "changeNumber");

    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9A-Fa-f]{7,64}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}");
    private static final Pattern CHANGE_NUMBER = Pattern.compile("[A-Za-z]{2,10}[0-9]{4,12}");
    /** Printable text: no control or format characters, nothing a page could take for markup. */
    private static final Pattern PIPELINE_NAME = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}<>]{1,200}");
    private static final int MAX_URL_LENGTH = 2000;

    private DeploymentEventJson() {
    }

    /** @param source the system the event is recorded as coming from */
    static Deployment read(byte[] body, ExternalSystem source) throws InvalidWebhookException {
        JsonNode event = WebhookJson.object(body);
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid(quote(name) + " is not a field of a deployment event; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList())
                        + " (see schemas/deployment-event.schema.json).");
            }
        }
        String application = required(event, "application", APPLICATION,
                "letters, digits and . _ - /, starting with a letter or digit, at most 128 characters");
        String environment = required(event, "environment", ENVIRONMENT,
                "letters, digits and . _ -, at most 64 characters").toLowerCase(Locale.ROOT);
        String version = required(event, "version", VERSION,
                "letters, digits and . _ + -, at most 128 characters");
        String runId = runId(event);
        String commitSha = optional(event, "commitSha", COMMIT_SHA, "7 to 64 hexadecimal digits");
        String pipeline = optional(event, "pipeline", PIPELINE_NAME,
                "printable text without < or > and without line breaks, at most 200 characters");
        String runUrl = runUrl(event);
        Instant startedAt = instant(event, "startedAt");
        Instant finishedAt = instant(event, "finishedAt");
        DeploymentResult result = result(event);
        boolean rollback = rollback(event);
        String changeNumber = optional(event, "changeNumber", CHANGE_NUMBER, "a change number such as CHG0030001");

        if (startedAt == null && finishedAt == null) {
            throw invalid("startedAt is missing: a report needs startedAt, finishedAt or both"
                    + " (an ISO-8601 date-time such as 2026-12-01T14:02:11Z).");
        }
        if (result.finished() && finishedAt == null) {
            throw invalid("finishedAt is missing: a run that ended " + result.name().toLowerCase(Locale.ROOT)
                    + " needs the time it ended.");
        }
        if (!result.finished() && finishedAt != null) {
            throw invalid("result is missing: a run with finishedAt ended, so say how (success, failure or aborted).");
        }
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw invalid("finishedAt " + finishedAt + " is before startedAt " + startedAt
                    + "; send the times the run really started and ended.");
        }
        try {
            return new Deployment(source, runId, application, environment, version,
                    commitSha == null ? null : commitSha.toLowerCase(Locale.ROOT), pipeline, runUrl, startedAt,
                    finishedAt, result, rollback, changeNumber == null ? null : changeNumber.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // The checks above leave nothing for the record to refuse; should they drift apart, still a 400.
            throw invalid(e.getMessage());
        }
    }

    private static String required(JsonNode event, String field, Pattern allowed, String rule)
            throws InvalidWebhookException {
        String value = optional(event, field, allowed, rule);
        if (value == null) {
            throw invalid(field + " is missing: every deployment event names it (" + rule + ").");
        }
        return value;
    }

    /** The text of a string field; null when absent or null. */
    private static String optional(JsonNode event, String field, Pattern allowed, String rule)
            throws InvalidWebhookException {
        JsonNode node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " is " + WebhookJson.describe(node) + "; it is a string: " + rule + ".");
        }
        String value = node.textValue();
        if (!allowed.matcher(value).matches()) {
            throw invalid(field + " " + quote(WebhookJson.printable(value)) + " is not allowed: " + rule + ".");
        }
        return value;
    }

    private static String runId(JsonNode event) throws InvalidWebhookException {
        JsonNode node = event.get("runId");
        String rule = "letters, digits and . _ - : / #, at most 128 characters, or a whole number";
        if (node != null && node.isIntegralNumber()) {
            if (!RUN_ID.matcher(node.asText()).matches() || node.asText().startsWith("-")) {
                throw invalid("runId " + quote(node.asText()) + " is not allowed: " + rule + ".");
            }
            return node.asText();
        }
        return required(event, "runId", RUN_ID, rule);
    }

    private static String runUrl(JsonNode event) throws InvalidWebhookException {
        String rule = "an absolute http or https URL without spaces, at most " + MAX_URL_LENGTH + " characters";
        String value = optional(event, "runUrl", Pattern.compile("\\S{1," + MAX_URL_LENGTH + "}"), rule);
        if (value == null) {
            return null;
        }
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getUserInfo() == null
                    && value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below, with the rule
        }
        throw invalid("runUrl " + quote(WebhookJson.printable(value)) + " is not allowed: " + rule
                + ", with no user or password in it.");
    }

    private static Instant instant(JsonNode event, String field) throws InvalidWebhookException {
        String value = optional(event, field, Pattern.compile(".{1,64}"),
                "an ISO-8601 date-time with an offset, e.g. 2026-12-01T14:02:11Z");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + " " + quote(WebhookJson.printable(value)) + " is not a date-time: send ISO-8601 with an"
                    + " offset, e.g. 2026-12-01T14:02:11Z.");
        }
    }

    private static DeploymentResult result(JsonNode event) throws InvalidWebhookException {
        String value = optional(event, "result", Pattern.compile("success|failure|aborted|running"),
                "one of success, failure, aborted (or running, or leave it out, while only the start is reported)");
        return value == null ? DeploymentResult.RUNNING : DeploymentResult.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static boolean rollback(JsonNode event) throws InvalidWebhookException {
        JsonNode node = event.get("rollback");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid("rollback is " + WebhookJson.describe(node) + "; it is true or false (without quotes).");
        }
        return node.booleanValue();
    }


    private static InvalidWebhookException invalid(String message) {
        return new InvalidWebhookException(message, GenericDeploymentReader.KIND);
    }
}
