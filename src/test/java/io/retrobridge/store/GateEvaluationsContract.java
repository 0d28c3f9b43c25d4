package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.sync.GateEvaluations;
import io.retrobridge.sync.GateEvaluations.Evaluation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the gate API relies on from any {@link GateEvaluations}. */
abstract class GateEvaluationsContract extends StoreContractSupport {

    private static final Instant DECIDED = Instant.parse("2026-12-07T08:00:00.123456Z");

    private GateEvaluations store() {
        return port(GateEvaluations.class);
    }

    @BeforeEach
    void noEvaluations() {
        port(JdbcClient.class).sql("DELETE FROM gate_evaluations").update();
    }

    @Test
    void anEvaluationIsKeptWithEveryFieldAndReadBackEqual() {
        Evaluation denied = evaluation("payment-gateway", "DENY", DECIDED);

        store().record(denied);

        assertThat(store().find(denied.id())).contains(denied);
    }

    @Test
    void optionalInputsMayBeMissing() {
        Evaluation bare = new Evaluation(UUID.randomUUID(), "canary", "checkout", null, "staging", null, null,
                "argo", "ALLOW", "ALLOW: no gate for staging in tier high", "{\"decision\":\"ALLOW\"}", DECIDED);

        store().record(bare);

        assertThat(store().find(bare.id())).contains(bare);
    }

    @Test
    void anUnknownIdIsEmpty() {
        store().record(evaluation("payment-gateway", "ALLOW", DECIDED));

        assertThat(store().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anAnswerIsNeverReplaced() {
        Evaluation denied = evaluation("payment-gateway", "DENY", DECIDED);
        store().record(denied);
        Evaluation sameId = new Evaluation(denied.id(), "prod", "payment-gateway", "4.3.0", "production", null, null,
                "argo", "ALLOW", "ALLOW", "{}", DECIDED.plusSeconds(60));

        assertThatThrownBy(() -> store().record(sameId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(denied.id().toString());
        assertThat(store().find(denied.id())).contains(denied);
    }

    @Test
    void recentAnswersOfOneApplicationComeNewestFirst() {
        Evaluation older = evaluation("payment-gateway", "DENY", DECIDED);
        Evaluation newer = evaluation("payment-gateway", "ALLOW", DECIDED.plusSeconds(30));
        Evaluation other = evaluation("checkout", "ALLOW", DECIDED.plusSeconds(60));
        store().record(older);
        store().record(newer);
        store().record(other);

        assertThat(store().recentFor("payment-gateway", 10)).containsExactly(newer, older);
        assertThat(store().recentFor("payment-gateway", 1)).containsExactly(newer);
    }

    @Test
    void oneAnswerIsKeptPerRequestKeyAndFoundByIt() {
        Evaluation first = keyed("github:run/42:production", "DENY");
        Evaluation unkeyed = evaluation("payment-gateway", "ALLOW", DECIDED);
        Evaluation alsoUnkeyed = evaluation("payment-gateway", "ALLOW", DECIDED);
        store().record(first);
        store().record(unkeyed);
        store().record(alsoUnkeyed);

        assertThat(store().findByRequestKey("github:run/42:production")).contains(first);
        assertThat(store().findByRequestKey("github:run/43:production")).isEmpty();
        assertThatThrownBy(() -> store().record(keyed("github:run/42:production", "ALLOW")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("github:run/42:production");
        assertThat(store().findByRequestKey("github:run/42:production")).contains(first);
    }

    @Test
    void aSearchNarrowsByEveryFilterNewestFirstAndCountsPerDecision() {
        Evaluation denied = evaluation("payment-gateway", "DENY", DECIDED);
        Evaluation allowed = evaluation("payment-gateway", "ALLOW", DECIDED.plusSeconds(60));
        Evaluation checkout = evaluation("checkout", "ALLOW", DECIDED.plusSeconds(120));
        store().record(denied);
        store().record(allowed);
        store().record(checkout);
        GateEvaluations.Search any = new GateEvaluations.Search(null, null, null, null, null);

        assertThat(store().search(any, 0, 10)).containsExactly(checkout, allowed, denied);
        assertThat(store().search(any, 1, 1)).containsExactly(allowed);
        assertThat(store().countByDecision(any)).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("ALLOW", 2L, "DENY", 1L));
        GateEvaluations.Search paymentsDenied = new GateEvaluations.Search("payment-gateway", "prod", "DENY", null,
                null);
        assertThat(store().search(paymentsDenied, 0, 10)).containsExactly(denied);
        GateEvaluations.Search window = new GateEvaluations.Search(null, null, null, DECIDED.plusSeconds(60),
                DECIDED.plusSeconds(120));
        assertThat(store().search(window, 0, 10)).containsExactly(allowed);
        assertThat(store().countByDecision(new GateEvaluations.Search("nobody", null, null, null, null))).isEmpty();
    }

    private static Evaluation keyed(String requestKey, String decision) {
        return new Evaluation(UUID.randomUUID(), "prod", "payment-gateway", "4.3.0", "production", null, null,
                "github", decision, decision + ": asked by a hook", "{}", DECIDED, requestKey);
    }

    private static Evaluation evaluation(String application, String decision, Instant at) {
        return new Evaluation(UUID.randomUUID(), "prod", application, "4.3.0", "production",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "CHG0030042", "argo-rollouts", decision,
                decision + ": " + application + " 4.3.0 to production waits for PAY-31 \"Fix the ledger\"",
                "{\"decision\":\"" + decision + "\",\"reason\":\"l\u00e9dger \\\"quoted\\\"\"}", at);
    }
}
