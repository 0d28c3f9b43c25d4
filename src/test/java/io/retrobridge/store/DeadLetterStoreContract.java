package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeadLetterFilter;
import io.retrobridge.sync.DeadLetterStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the retry path and the admin API rely on from any {@link DeadLetterStore}. */
abstract class DeadLetterStoreContract extends StoreContractSupport {

    private DeadLetterStore deadLetters() {
        return port(DeadLetterStore.class);
    }

    private static DeadLetter letter(int minute, String issue) {
        InboundEvent event = InboundEvent.received(JIRA, "jira:issue_updated", issue, "jira:" + issue + ":" + minute,
                START, "{\"issue\":{\"key\":\"" + issue + "\"}}");
        return DeadLetter.park(event, "ServiceNow answered 503 Service Unavailable after 5 attempts", 5,
                START.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void aParkedLetterIsFoundWithItsWholeEvent() {
        DeadLetter letter = letter(1, "RB-12");

        deadLetters().park(letter);

        assertThat(deadLetters().find(letter.id())).contains(letter);
        assertThat(deadLetters().find(letter.id()).orElseThrow().event().payload()).contains("RB-12");
        assertThat(deadLetters().find(UUID.randomUUID())).isEmpty();
        assertThat(deadLetters().count()).isEqualTo(1);
    }

    @Test
    void theListPagesThroughTheMostRecentlyParkedFirst() {
        DeadLetter oldest = deadLetters().park(letter(1, "RB-1"));
        DeadLetter middle = deadLetters().park(letter(2, "RB-2"));
        DeadLetter newest = deadLetters().park(letter(3, "RB-3"));

        assertThat(deadLetters().list(0, 2)).containsExactly(newest, middle);
        assertThat(deadLetters().list(2, 2)).containsExactly(oldest);
        assertThat(deadLetters().list(3, 2)).isEmpty();
        assertThat(deadLetters().count()).isEqualTo(3);
    }

    @Test
    void oneItemsLettersArePagedNewestFirstAndCountedInFull() {
        DeadLetter first = deadLetters().park(letter(1, "RB-7"));
        deadLetters().park(letter(2, "RB-8"));
        DeadLetter second = deadLetters().park(letter(3, "RB-7"));
        DeadLetter third = deadLetters().park(letter(4, "RB-7"));
        List<ExternalRef> item = List.of(new ExternalRef(JIRA, "RB-7"));

        assertThat(deadLetters().forEntities(item, 2)).containsExactly(third, second);
        assertThat(deadLetters().countForEntities(item)).as("all of the item's letters, not one page").isEqualTo(3);
        assertThat(deadLetters().forEntities(item, 5)).containsExactly(third, second, first);
        assertThat(deadLetters().countForEntities(List.of(new ExternalRef(JIRA, "RB-9")))).isZero();
    }

    @Test
    void aReplayIsRecordedOnce() {
        DeadLetter letter = deadLetters().park(letter(1, "RB-1"));
        Instant replayAt = START.plus(Duration.ofHours(1));

        DeadLetter replayed = deadLetters().markReplayed(letter.id(), replayAt);

        assertThat(replayed.replayedAt()).isEqualTo(replayAt);
        assertThat(deadLetters().find(letter.id())).contains(replayed);
        assertThatThrownBy(() -> deadLetters().markReplayed(letter.id(), replayAt.plusSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already replayed at " + replayAt);
        assertThat(deadLetters().find(letter.id()).orElseThrow().replayedAt()).isEqualTo(replayAt);
    }

    @Test
    void ofTwoAdminsReplayingTheSameLetterAtOnceOnlyOneSucceeds() throws InterruptedException {
        DeadLetter letter = deadLetters().park(letter(1, "RB-1"));

        List<Outcome<DeadLetter>> outcomes = raceOn(4, () -> deadLetters().markReplayed(letter.id(), START.plusSeconds(60)));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(IllegalStateException.class))
                .hasSize(3);
    }

    @Test
    void replayingAnUnknownLetterSaysSo() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> deadLetters().markReplayed(unknown, START))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void parkingTheSameLetterTwiceIsRefused() {
        DeadLetter letter = deadLetters().park(letter(1, "RB-1"));

        assertThatThrownBy(() -> deadLetters().park(letter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already parked");
        assertThat(deadLetters().count()).isEqualTo(1);
    }

    @Test
    void theSameEventCanBeParkedAgainAfterAFailedReplay() {
        DeadLetter first = deadLetters().park(letter(1, "RB-1"));
        deadLetters().markReplayed(first.id(), START.plusSeconds(60));

        DeadLetter again = deadLetters().park(DeadLetter.park(first.event(), "still 503", 5, START.plusSeconds(120)));

        assertThat(deadLetters().list(0, 10)).containsExactly(again, deadLetters().find(first.id()).orElseThrow());
        assertThat(again.event()).isEqualTo(first.event());
    }

    @Test
    void badPagingIsRefused() {
        assertThatThrownBy(() -> deadLetters().list(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> deadLetters().list(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void theKindOfFailureIsKeptAndLettersNotReplayedAreFoundBySystemKindAndTime() {
        InboundEvent jiraEvent = InboundEvent.received(JIRA, "jira:issue_updated", "RB-1", "jira:RB-1:1", START, "{}");
        InboundEvent snEvent = InboundEvent.received(SERVICENOW, "servicenow:task_updated", "sn-1", "sn:sn-1:1", START,
                "{}");
        DeadLetter limitedEarly = deadLetters().park(DeadLetter.park(jiraEvent, "rate_limited", "429", 1,
                START.plus(Duration.ofMinutes(1))));
        DeadLetter limitedLate = deadLetters().park(DeadLetter.park(jiraEvent, "rate_limited", "429", 1,
                START.plus(Duration.ofMinutes(10))));
        DeadLetter serverError = deadLetters().park(DeadLetter.park(jiraEvent, "server_error", "500", 5,
                START.plus(Duration.ofMinutes(2))));
        DeadLetter otherSystem = deadLetters().park(DeadLetter.park(snEvent, "rate_limited", "429", 1,
                START.plus(Duration.ofMinutes(3))));
        DeadLetter replayed = deadLetters().park(DeadLetter.park(jiraEvent, "rate_limited", "429", 1,
                START.plus(Duration.ofMinutes(4))));
        deadLetters().markReplayed(replayed.id(), START.plus(Duration.ofMinutes(5)));

        assertThat(deadLetters().find(serverError.id()).orElseThrow().errorKind()).isEqualTo("server_error");
        assertThat(deadLetters().notReplayed(new DeadLetterFilter(JIRA, "rate_limited", null, null), 10))
                .containsExactly(limitedEarly, limitedLate);
        assertThat(deadLetters().notReplayed(new DeadLetterFilter(null, "rate_limited", null, null), 10))
                .containsExactly(limitedEarly, otherSystem, limitedLate);
        assertThat(deadLetters().notReplayed(new DeadLetterFilter(JIRA, null, START.plus(Duration.ofMinutes(2)),
                START.plus(Duration.ofMinutes(10))), 10)).containsExactly(serverError);
        assertThat(deadLetters().notReplayed(new DeadLetterFilter(null, null, null, null), 2))
                .containsExactly(limitedEarly, serverError);
        assertThat(deadLetters().find(letter(1, "RB-9").id())).isEmpty();
        assertThat(deadLetters().park(letter(1, "RB-9")).errorKind()).as("unclassified").isEqualTo("other");
    }
}
