package io.retrobridge.jira;

import static io.retrobridge.sync.InvalidWebhookException.quote;
import static io.retrobridge.transport.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import io.retrobridge.transport.WebhookJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Jira webhook deliveries ({@code X-Hub-Signature: sha256=<hex>}). The entity is the issue id, which survives a
 * key change when an issue moves project. A change is identified by event, issue id, comment id (comment events)
 * and the version the delivery reports, so a redelivery of the same change is stored once. A verified
 * {@code jira:issue_deleted} delivery is the only proof of a deletion the sync acts on: Jira answers 404 alike for a
 * deleted issue and for one the integration account may not see.
 */
@Component
class JiraWebhookSource implements WebhookSource {

    static final Set<String> ISSUE_EVENTS = Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted");
    static final Set<String> COMMENT_EVENTS = Set.of("comment_created", "comment_updated");

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_:.-]{0,99}");
    private static final Pattern ISSUE_ID = Pattern.compile("[0-9]{1,20}");
    // Jira Server leaves the issue out of comment events; its id is then only in the comment's REST address.
    private static final Pattern ISSUE_IN_COMMENT_URL = Pattern.compile("/issue/([0-9]{1,20})/comment/");

    private final JiraProperties settings;

    JiraWebhookSource(JiraProperties settings) {
        this.settings = settings;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public String signatureHeader() {
        return "X-Hub-Signature";
    }

    @Override
    public String secretSetting() {
        return "retrobridge.jira.webhook-secret";
    }

    @Override
    public Optional<String> secret() {
        return Optional.ofNullable(settings.webhookSecret()).filter(secret -> !secret.isBlank());
    }

    @Override
    public WebhookNotice read(byte[] delivery, Map<String, String> headers) throws InvalidWebhookException {
        JsonNode body = WebhookJson.object(delivery);
        String event = text(body, "webhookEvent").orElseThrow(() -> new InvalidWebhookException(
                "webhookEvent is missing: a Jira webhook delivery names its event there, e.g. jira:issue_updated."));
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new InvalidWebhookException("webhookEvent " + quote(event)
                    + " is not a Jira event name (letters, digits, '_', ':', e.g. jira:issue_updated).");
        }
        boolean commentEvent = COMMENT_EVENTS.contains(event);
        if (!commentEvent && !ISSUE_EVENTS.contains(event)) {
            return new WebhookNotice.Ignored(event, "RetroBridge syncs only issue and comment events ("
                    + String.join(", ", sorted()) + "); " + event
                    + " deliveries can be switched off in the Jira webhook's settings.");
        }
        String issueId = issueId(body, event, commentEvent);
        String commentId = null;
        if (commentEvent) {
            commentId = text(body, "comment.id").orElseThrow(() -> new InvalidWebhookException(
                    "comment.id is missing: a " + event + " delivery must say which comment changed.", event));
            if (!ISSUE_ID.matcher(commentId).matches()) {
                throw new InvalidWebhookException("comment.id " + quote(commentId)
                        + " is not a Jira comment id (digits).", event);
            }
        }
        String version = version(body, event, commentEvent);
        String dedupKey = commentEvent
                ? DedupKeys.of("jira", event, issueId, commentId, version)
                : DedupKeys.of("jira", event, issueId, version);
        return new WebhookNotice.Change(event, issueId, dedupKey);
    }

    private static String issueId(JsonNode body, String event, boolean commentEvent) throws InvalidWebhookException {
        Optional<String> issueId = text(body, "issue.id");
        if (issueId.isEmpty() && commentEvent) {
            issueId = text(body, "comment.self").map(ISSUE_IN_COMMENT_URL::matcher).filter(Matcher::find)
                    .map(match -> match.group(1));
        }
        String id = issueId.orElseThrow(() -> new InvalidWebhookException("issue.id is missing: a " + event
                + " delivery must carry the issue it is about (issue.id"
                + (commentEvent ? ", or comment.self naming /issue/<id>/comment/" : "") + ").", event));
        if (!ISSUE_ID.matcher(id).matches()) {
            throw new InvalidWebhookException("issue.id " + quote(id) + " is not a Jira issue id (digits, e.g. 10042);"
                    + " the issue key goes in issue.key.", event);
        }
        return id;
    }

    // The most precise version marker the delivery has: the comment's or issue's "updated", else its timestamp.
    private static String version(JsonNode body, String event, boolean commentEvent) throws InvalidWebhookException {
        Optional<String> version = commentEvent ? text(body, "comment.updated") : Optional.empty();
        return version.or(() -> text(body, "issue.fields.updated")).or(() -> text(body, "timestamp"))
                .orElseThrow(() -> new InvalidWebhookException("issue.fields.updated and timestamp are both missing:"
                        + " one of them is needed to tell this change from the next one to the same issue.", event));
    }

    private static List<String> sorted() {
        return Stream.concat(ISSUE_EVENTS.stream(), COMMENT_EVENTS.stream()).sorted().toList();
    }
}
