package io.retrobridge.pipeline;

import io.retrobridge.domain.Scope;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.RetrospectiveFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the gate knows of payment-gateway (high risk, enforced in production by the shipped gates.yaml) in the gate
 * hook tests, set by each test: its last retrospective with one immediate fix open (DENY), still being gathered
 * (PENDING), or with the fix done (ALLOW).
 */
public final class GateHookFacts implements GateFactsSource {

    public enum State { FIX_OPEN, GATHERING, FIX_DONE }

    private final AtomicReference<State> state = new AtomicReference<>(State.FIX_OPEN);

    public void set(State now) {
        state.set(now);
    }

    @Override
    public GateFacts factsFor(String application, Instant now) {
        if (!application.equals("payment-gateway")) {
            return GateFacts.gathered(List.of());
        }
        State current = state.get();
        if (current == State.GATHERING) {
            return GateFacts.notReady("the retrospective of CHG0030001 is being opened");
        }
        FollowUp fix = new FollowUp("link-pay-31", "Fix the ledger rounding", "PAY-31", "PTASK0010001",
                Scope.IMMEDIATE_FIX, current == State.FIX_OPEN, LocalDate.parse("2026-12-01"), null, null, false);
        return GateFacts.gathered(List.of(new RetrospectiveFacts("change:CHG0030001", now.minus(Duration.ofDays(10)),
                "CHG0030001", "PAY-30", "PRB0040001", List.of(fix))));
    }
}
