package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.ConnectorSecrets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the correlation key relies on from any {@link ConnectorSecrets}: made once, then the same value forever. */
abstract class ConnectorSecretsContract extends StoreContractSupport {

    private ConnectorSecrets secrets() {
        return port(ConnectorSecrets.class);
    }

    @Test
    void aSecretIsGeneratedOnceAndAnsweredUnchangedAfterwards() {
        AtomicInteger generated = new AtomicInteger();

        String first = secrets().getOrCreate("contract-secret-1", () -> "value-" + generated.incrementAndGet());
        String again = secrets().getOrCreate("contract-secret-1", () -> "value-" + generated.incrementAndGet());

        assertThat(first).isEqualTo("value-1");
        assertThat(again).isEqualTo(first);
        assertThat(secrets().getOrCreate("contract-secret-2", () -> "other")).isEqualTo("other");
    }

    @Test
    void concurrentFirstCallsAgreeOnOneValue() throws InterruptedException {
        var outcomes = raceOn(4, () -> secrets().getOrCreate("contract-race", () -> Thread.currentThread().getName()));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(Outcome::value).distinct()).hasSize(1);
    }
}
