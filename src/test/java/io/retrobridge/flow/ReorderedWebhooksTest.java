package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.testsupport.WebhookRelay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries overtaking each other, as they do across a delivery network's retries: for a batch of
 * items edited twice on either side, the notice of the second edit arrives and is applied first, the notice of
 * the first edit arrives after it. The late, older notice must not bring the old value back: each item ends with
 * its newest value on both sides, written once.
 */
class ReorderedWebhooksTest extends FaultSuiteSupport {

    static final int PER_SIDE = 5;

    @Test
    void olderUpdatesDeliveredAfterNewerOnesChangeNothing() {
        List<Item> fromJira = new ArrayList<>();
        List<Item> fromServiceNow = new ArrayList<>();
        for (int i = 1; i <= PER_SIDE; i++) {
            fromJira.add(linkedItem("Shed load at the gateway edge, batch J" + i));
            fromServiceNow.add(linkedItem("Shed load at the gateway edge, batch S" + i));
        }
        long parkedBefore = deadLetters.count();

        relay.hold();
        for (String round : List.of("first", "second")) {
            for (Item item : fromJira) {
                systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(item.title() + ", " + round + " edit") + "}");
            }
            for (Item item : fromServiceNow) {
                systems.patchTask(item.sysId(), "{\"short_description\":" + SandboxPair.quote(item.title() + ", " + round + " edit") + "}");
            }
            // Every notice of this round is held before the next round starts, so the first half is the older.
            systems.awaitWebhooks();
        }
        List<WebhookRelay.Delivery> held = relay.release();
        assertThat(held).as("one notice per edit").hasSize(4 * PER_SIDE);
        List<WebhookRelay.Delivery> older = held.subList(0, 2 * PER_SIDE);
        List<WebhookRelay.Delivery> newer = held.subList(2 * PER_SIDE, held.size());

        // Newest first (and in reverse among themselves), applied, then the stale ones.
        List<WebhookRelay.Delivery> newestFirst = new ArrayList<>(newer);
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(delivery -> assertThat(relay.forward(delivery)).isBetween(200, 299));
        Writes forNewer = settle();
        List<WebhookRelay.Delivery> staleLast = new ArrayList<>(older);
        java.util.Collections.reverse(staleLast);
        staleLast.forEach(delivery -> assertThat(relay.forward(delivery)).isBetween(200, 299));
        Writes forOlder = settle();

        long lost = 0;
        long duplicates = 0;
        List<Item> all = new ArrayList<>(fromJira);
        all.addAll(fromServiceNow);
        for (Item item : all) {
            String newest = item.title() + ", second edit";
            String onJira = systems.jiraIssue(item.key()).path("fields").path("summary").asText();
            String onServiceNow = systems.task(item.sysId()).get("short_description");
            lost += (newest.equals(onJira) ? 0 : 1) + (newest.equals(onServiceNow) ? 0 : 1);
            duplicates += duplicatesOf(newest);
        }
        duplicates += Math.max(0, forNewer.jira() - PER_SIDE) + Math.max(0, forNewer.servicenow() - PER_SIDE)
                + forOlder.jira() + forOlder.servicenow();
        List<DeadLetter> parked = parkedSince(parkedBefore);
        FaultReport.line("reordered-webhooks-x" + 2 * PER_SIDE + "-items", older.size(),
                2L * PER_SIDE - (lost + 1) / 2, parked.size(), duplicates, lost);

        assertThat(forNewer).as("one write per item, for its newest edit").isEqualTo(new Writes(PER_SIDE, PER_SIDE));
        assertThat(forOlder).as("writes for the stale notices").isEqualTo(new Writes(0, 0));
        assertThat(parked).as("parked events").isEmpty();
        assertNothingDuplicatedOrLost(duplicates, lost);
    }
}
