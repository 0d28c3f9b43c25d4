package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.LinkStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What comment sync relies on from any {@link CommentLinkStore}. */
abstract class CommentLinkStoreContract extends StoreContractSupport {

    private UUID linkId;

    private CommentLinkStore comments() {
        return port(CommentLinkStore.class);
    }

    @BeforeEach
    void aLink() {
        linkId = port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-" + UUID.randomUUID())
                .withExternalId(ExternalSystem.JIRA, "10001")
                .withExternalId(ExternalSystem.SERVICENOW, "a1b2c3")).id();
    }

    @Test
    void anUnseenCommentIsUnknownOnBothSides() {
        assertThat(comments().isKnown(ExternalSystem.JIRA, "20001")).isFalse();
        assertThat(comments().isKnown(ExternalSystem.SERVICENOW, "20001")).isFalse();
    }

    @Test
    void aClaimedOriginalIsKnownAtOnceAndCannotBeClaimedAgain() {
        CommentLink intent = CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START);

        assertThat(comments().recordIntent(intent)).isTrue();

        assertThat(comments().isKnown(ExternalSystem.JIRA, "20001")).isTrue();
        assertThat(comments().find(ExternalSystem.JIRA, "20001")).hasValueSatisfying(c -> assertThat(c.copyId()).isEmpty());
        assertThat(comments().recordIntent(intent)).as("second claim").isFalse();
    }

    @Test
    void aCompletedPairIsKnownByBothIdsAndKeepsItsDirection() {
        comments().recordIntent(CommentLink.intent(linkId, ExternalSystem.SERVICENOW, "j-77", START));

        comments().record(CommentLink.intent(linkId, ExternalSystem.SERVICENOW, "j-77", START).withCopy("20005"));

        assertThat(comments().isKnown(ExternalSystem.JIRA, "20005")).isTrue();
        CommentLink stored = comments().find(ExternalSystem.JIRA, "20005").orElseThrow();
        assertThat(stored.origin()).isEqualTo(ExternalSystem.SERVICENOW);
        assertThat(stored.originalId()).isEqualTo("j-77");
        assertThat(stored.copyId()).contains("20005");
        assertThat(stored.createdAt()).isEqualTo(START);
        assertThat(comments().forLink(linkId)).containsExactly(stored);
    }

    @Test
    void aPairFoundAfterItsRowWasLostIsInsertedWhole() {
        comments().record(CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START).withCopy("j-1"));

        assertThat(comments().find(ExternalSystem.SERVICENOW, "j-1")).hasValueSatisfying(c ->
                assertThat(c.originalId()).isEqualTo("20001"));
        assertThat(comments().recordIntent(CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START))).isFalse();
    }

    @Test
    void recordingTheSamePairTwiceChangesNothing() {
        CommentLink pair = CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START).withCopy("j-1");

        comments().record(pair);
        comments().record(pair);

        assertThat(comments().forLink(linkId)).hasSize(1);
    }

    @Test
    void aCopyIdAlreadyPairedElsewhereIsRefusedAndNothingChanges() {
        comments().record(CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START).withCopy("j-1"));

        assertThatThrownBy(() -> comments().record(
                CommentLink.intent(linkId, ExternalSystem.JIRA, "20002", START).withCopy("j-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("j-1");
        assertThatThrownBy(() -> comments().record(
                CommentLink.intent(linkId, ExternalSystem.JIRA, "20001", START).withCopy("j-2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already paired");
        assertThat(comments().forLink(linkId)).hasSize(1);
    }

    @Test
    void aCopyOfOursCannotBeClaimedAsAnOriginal() {
        comments().record(CommentLink.intent(linkId, ExternalSystem.SERVICENOW, "j-77", START).withCopy("20005"));

        assertThat(comments().recordIntent(CommentLink.intent(linkId, ExternalSystem.JIRA, "20005", START))).isFalse();
    }

    @Test
    void concurrentClaimsOfOneCommentLetExactlyOneWorkerCopyIt() throws InterruptedException {
        var outcomes = raceOn(4, () -> comments().recordIntent(CommentLink.intent(linkId, ExternalSystem.JIRA, "20009", START)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
    }

    @Test
    void aStaleClaimIsTakenOverByExactlyOneWorker() throws InterruptedException {
        CommentLink intent = CommentLink.intent(linkId, ExternalSystem.JIRA, "20010", START);
        comments().recordIntent(intent);

        var outcomes = raceOn(4, () -> comments().reclaim(intent, START.plusSeconds(600)));

        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
        assertThat(comments().find(ExternalSystem.JIRA, "20010").orElseThrow().createdAt())
                .isEqualTo(START.plusSeconds(600));
    }

    @Test
    void aCompletedPairIsNeverReclaimed() {
        CommentLink intent = CommentLink.intent(linkId, ExternalSystem.JIRA, "20011", START);
        comments().recordIntent(intent);
        comments().record(intent.withCopy("j-11"));

        assertThat(comments().reclaim(intent, START.plusSeconds(600))).isFalse();
    }

    @Test
    void aReleasedClaimMayBeClaimedAgainButAPairIsNeverReleased() {
        CommentLink intent = CommentLink.intent(linkId, ExternalSystem.JIRA, "20012", START);
        comments().recordIntent(intent);
        comments().release(intent);
        assertThat(comments().recordIntent(intent)).isTrue();

        comments().record(intent.withCopy("j-12"));
        comments().release(intent);

        assertThat(comments().find(ExternalSystem.SERVICENOW, "j-12")).isPresent();
    }
}
