package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.sync.ChangeRecordStore;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the change mirror and the release triggers rely on from any {@link ChangeRecordStore}. */
abstract class ChangeRecordStoreContract extends StoreContractSupport {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private ChangeRecordStore store() {
        return port(ChangeRecordStore.class);
    }

    @BeforeEach
    void noChangesYet() {
        JdbcClient jdbc = JdbcClient.create(port(DataSource.class));
        jdbc.sql("DELETE FROM change_state_moves").update();
        jdbc.sql("DELETE FROM change_records").update();
    }

    private static ChangeRecord change(ChangeState state, Instant updatedAt) {
        return new ChangeRecord("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "CHG0030001", "Upgrade payment gateway client to 4.2",
                "normal", state, "3", "2", "CAB", "payment-gateway", T0.plusSeconds(3600), T0.plusSeconds(7200),
                state.value() >= ChangeState.IMPLEMENT.value() ? T0.plusSeconds(3700) : null, null,
                state == ChangeState.CLOSED ? "unsuccessful" : null, state == ChangeState.CLOSED ? "Rolled back" : null,
                updatedAt);
    }

    @Test
    void theFirstVersionIsStoredWithItsFirstStateAndNoPrevious() {
        ChangeRecord first = change(ChangeState.NEW, T0);

        assertThat(store().save(first)).isEmpty();

        assertThat(store().findByNumber("CHG0030001")).contains(first);
        assertThat(store().stateMoves("CHG0030001"))
                .containsExactly(new ChangeStateMove("CHG0030001", null, ChangeState.NEW, T0));
    }

    @Test
    void eachStateMoveIsRecordedOnceInOrderAndTheLatestVersionKept() {
        store().save(change(ChangeState.NEW, T0));
        store().save(change(ChangeState.IMPLEMENT, T0.plusSeconds(60)));
        store().save(change(ChangeState.IMPLEMENT, T0.plusSeconds(60)));
        ChangeRecord review = change(ChangeState.REVIEW, T0.plusSeconds(120));
        assertThat(store().save(review)).contains(change(ChangeState.IMPLEMENT, T0.plusSeconds(60)));
        ChangeRecord closed = change(ChangeState.CLOSED, T0.plusSeconds(180));
        store().save(closed);

        assertThat(store().findByNumber("CHG0030001")).contains(closed);
        assertThat(store().stateMoves("CHG0030001")).containsExactly(
                new ChangeStateMove("CHG0030001", null, ChangeState.NEW, T0),
                new ChangeStateMove("CHG0030001", ChangeState.NEW, ChangeState.IMPLEMENT, T0.plusSeconds(60)),
                new ChangeStateMove("CHG0030001", ChangeState.IMPLEMENT, ChangeState.REVIEW, T0.plusSeconds(120)),
                new ChangeStateMove("CHG0030001", ChangeState.REVIEW, ChangeState.CLOSED, T0.plusSeconds(180)));
    }

    @Test
    void anOlderVersionChangesNothing() {
        ChangeRecord newer = change(ChangeState.REVIEW, T0.plusSeconds(120));
        store().save(change(ChangeState.NEW, T0));
        store().save(newer);

        assertThat(store().save(change(ChangeState.IMPLEMENT, T0.plusSeconds(60)))).contains(newer);

        assertThat(store().findByNumber("CHG0030001")).contains(newer);
        assertThat(store().stateMoves("CHG0030001")).extracting(ChangeStateMove::to)
                .containsExactly(ChangeState.NEW, ChangeState.REVIEW);
    }

    @Test
    void anUnknownChangeHasNoRecordAndNoMoves() {
        assertThat(store().findByNumber("CHG0000404")).isEmpty();
        assertThat(store().stateMoves("CHG0000404")).isEmpty();
    }
}
