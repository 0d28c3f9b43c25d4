package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.WebhookSender;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends Jira Cloud webhook events ({@code jira:issue_created}, {@code jira:issue_updated} with its
 * changelog, {@code jira:issue_deleted}, {@code comment_created}) to every subscriber, in commit order,
 * signed with {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>}. Failed sends are retried a
 * few times; tests can make the next deliveries get lost or arrive twice, as real webhooks sometimes do.
 */
final class JiraWebhooks implements IssueListener, AutoCloseable {

    static final String SIGNATURE_HEADER = "X-Hub-Signature";

    private final Clock clock;
    private final IssueRenderer renderer;
    private final JiraAccounts accounts;
    private final List<JiraWebhookSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong changelogIds = new AtomicLong(10000);
    private final WebhookSender sender =
            new WebhookSender("jira-sandbox-webhooks", SIGNATURE_HEADER, "a Jira webhook");

    JiraWebhooks(Clock clock, IssueRenderer renderer, JiraAccounts accounts) {
        this.clock = clock;
        this.renderer = renderer;
        this.accounts = accounts;
    }

    JiraWebhookSubscription subscribe(URI target, String secret) {
        JiraWebhookSubscription subscription = new JiraWebhookSubscription(target, secret);
        subscriptions.add(subscription);
        return subscription;
    }

    void dropNext(int times) {
        sender.dropNext(times);
    }

    void duplicateNext(int times) {
        sender.duplicateNext(times);
    }

    /** Deliveries queued and not yet accepted or given up on. */
    int pending() {
        return sender.pending();
    }

    @Override
    public void created(Issue issue, JiraUser by) {
        queue(envelope("jira:issue_created", "issue_created", issue, by));
    }

    @Override
    public void updated(Issue after, List<ChangeItem> changes, JiraUser by) {
        boolean statusChanged = changes.stream().anyMatch(c -> c.field().equals("status"));
        boolean assigned = changes.stream().anyMatch(c -> c.field().equals("assignee"));
        String type = statusChanged ? "issue_generic" : assigned ? "issue_assigned" : "issue_updated";
        ObjectNode event = envelope("jira:issue_updated", type, after, by);
        ObjectNode changelog = event.putObject("changelog");
        changelog.put("id", String.valueOf(changelogIds.incrementAndGet()));
        ArrayNode items = changelog.putArray("items");
        for (ChangeItem c : changes) {
            ObjectNode item = items.addObject();
            item.put("field", c.field());
            item.put("fieldtype", "jira");
            item.put("fieldId", c.fieldId());
            item.put("from", c.from());
            item.put("fromString", c.fromString());
            item.put("to", c.to());
            item.put("toString", c.toText());
            if (c.field().equals("assignee") || c.field().equals("reporter")) {
                item.put("tmpFromAccountId", c.from());
                item.put("tmpToAccountId", c.to());
            }
        }
        queue(event);
    }

    @Override
    public void deleted(Issue before, JiraUser by) {
        queue(envelope("jira:issue_deleted", "issue_deleted", before, by));
    }

    @Override
    public void commented(Issue issue, Comment comment, JiraUser by) {
        ObjectNode event = SandboxJson.object();
        event.put("timestamp", clock.millis());
        event.put("webhookEvent", "comment_created");
        event.set("comment", renderer.comment(issue.id, comment));
        event.set("issue", renderer.issue(issue, FieldSelection.parse(List.of("summary,issuetype,project,status,priority,assignee"), "")));
        queue(event);
    }

    private ObjectNode envelope(String webhookEvent, String eventType, Issue issue, JiraUser by) {
        ObjectNode event = SandboxJson.object();
        event.put("timestamp", clock.millis());
        event.put("webhookEvent", webhookEvent);
        event.put("issue_event_type_name", eventType);
        event.set("user", renderer.user(accounts.byId(by.accountId()).orElse(by)));
        event.set("issue", renderer.issue(issue, FieldSelection.parse(List.of("*navigable"), "")));
        return event;
    }

    /** Called under the store's lock: the body is fixed now, sending happens on the sender thread in order. */
    private void queue(ObjectNode event) {
        if (sender.isClosed()) {
            return;
        }
        String body = SandboxJson.write(event);
        String deliveryId = UUID.randomUUID().toString();
        for (JiraWebhookSubscription subscription : subscriptions) {
            if (!subscription.isActive()) {
                continue;
            }
            sender.send(subscription, body, (request, attempt) -> {
                request.header("X-Atlassian-Webhook-Identifier", deliveryId);
                if (attempt > 1) {
                    request.header("X-Atlassian-Webhook-Retry", String.valueOf(attempt - 1));
                }
            });
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
