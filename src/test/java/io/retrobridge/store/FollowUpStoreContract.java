package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the scan and the follow-up report rely on from any {@link FollowUpStore}. */
abstract class FollowUpStoreContract extends StoreContractSupport {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 20);

    private FollowUpStore facts() {
        return port(FollowUpStore.class);
    }

    private static FollowUpFact openFact(String itemKey, String displayKey) {
        return new FollowUpFact(itemKey, displayKey, "Add a canary stage to the payment deploy",
                "PRB0040001 Payment gateway upgrade failed", "Payments", "alice@example.com", DUE, "open", null, false,
                START);
    }

    @Test
    void aSavedFactIsReadBackWhole() {
        FollowUpFact fact = openFact("rb-1", "PTASK0010001");

        facts().save(fact);

        assertThat(facts().all()).containsExactly(fact);
    }

    @Test
    void aFactWithOnlyItsKeyAndStatusIsKept() {
        FollowUpFact bare = new FollowUpFact("rb-1", null, null, null, null, null, null, "in-progress", null, false, START);

        facts().save(bare);

        assertThat(facts().all()).containsExactly(bare);
    }

    @Test
    void savingAgainReplacesTheItemsFact() {
        facts().save(openFact("rb-1", "PTASK0010001"));
        facts().save(openFact("rb-2", "PAY-13"));
        FollowUpFact done = new FollowUpFact("rb-1", "PTASK0010001", "Add a canary stage", null, "Platform", null,
                DUE.plusDays(7), "done", LocalDate.of(2026, 11, 25), true, START.plusSeconds(3600));

        facts().save(done);

        assertThat(facts().all()).hasSize(2).contains(done, openFact("rb-2", "PAY-13"));
    }

    @Test
    void concurrentSavesOfOneNewItemLeaveOneRow() throws InterruptedException {
        var outcomes = raceOn(20, () -> {
            facts().save(openFact("rb-race", "PAY-99"));
            return true;
        });

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(facts().all()).containsExactly(openFact("rb-race", "PAY-99"));
    }

    @Test
    void anUnknownStatusIsRefusedAndNothingIsStored() {
        FollowUpFact wrong = new FollowUpFact("rb-1", "PAY-1", "t", null, null, null, DUE, "IN_PROGRESS", null, false,
                START);

        assertThatThrownBy(() -> facts().save(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'IN_PROGRESS'").hasMessageContaining("open, in-progress, done, cancelled");
        assertThat(facts().all()).isEmpty();
    }

    @Test
    void factsAreFoundByItemKeysAndByDisplayKey() {
        facts().save(openFact("rb-1", "PTASK0010001"));
        facts().save(openFact("rb-2", "PAY-13"));
        facts().save(openFact("rb-3", "PAY-14"));

        assertThat(facts().forItems(List.of("rb-3", "rb-1", "rb-unknown"))).extracting(FollowUpFact::itemKey)
                .containsExactlyInAnyOrder("rb-1", "rb-3");
        assertThat(facts().forItems(List.of())).isEmpty();
        assertThat(facts().byDisplayKey("PAY-13")).hasValueSatisfying(f -> assertThat(f.itemKey()).isEqualTo("rb-2"));
        assertThat(facts().byDisplayKey("PAY-99")).isEmpty();
    }
}
