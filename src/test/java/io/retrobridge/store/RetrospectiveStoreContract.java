package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the retrospective opener and the API rely on from any {@link RetrospectiveStore}. */
abstract class RetrospectiveStoreContract extends StoreContractSupport {

    private RetrospectiveStore store() {
        return port(RetrospectiveStore.class);
    }

    @BeforeEach
    void noRetrospectives() {
        port(JdbcClient.class).sql("DELETE FROM retrospectives").update();
    }

    private static RetrospectiveTrigger trigger(String key, String application) {
        return new RetrospectiveTrigger(key, "failed-production-change", "deep-dive", List.of("root-cause"),
                List.of("lessons"), "change CHG0030001 closed unsuccessful", application, "production", "4.2",
                "CHG0030001", "payments", LocalDate.of(2026, 12, 3), START, List.of(key));
    }

    @Test
    void anOpenedRetrospectiveIsReadBackWholeByIdAndKey() {
        Retrospective opened = store().open(trigger("change:CHG0030001", "payment-gateway"), "problem", START);

        assertThat(opened.key()).isEqualTo("change:CHG0030001");
        assertThat(opened.ruleId()).isEqualTo("failed-production-change");
        assertThat(opened.tier()).isEqualTo("deep-dive");
        assertThat(opened.reason()).isEqualTo("change CHG0030001 closed unsuccessful");
        assertThat(opened.application()).isEqualTo("payment-gateway");
        assertThat(opened.environment()).isEqualTo("production");
        assertThat(opened.version()).isEqualTo("4.2");
        assertThat(opened.changeNumber()).isEqualTo("CHG0030001");
        assertThat(opened.program()).isEqualTo("payments");
        assertThat(opened.due()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(opened.createdAt()).isEqualTo(START.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(opened.serviceNowTable()).isEqualTo("problem");
        assertThat(opened.jiraKey()).isNull();
        assertThat(opened.serviceNowSysId()).isNull();
        assertThat(opened.complete()).isFalse();
        assertThat(store().find(opened.id())).contains(opened);
        assertThat(store().findByKey("change:CHG0030001")).contains(opened);
    }

    @Test
    void openingTheSameKeyAgainAnswersTheStoredOne() {
        Retrospective first = store().open(trigger("change:CHG0030001", "payment-gateway"), "problem", START);

        Retrospective again = store().open(trigger("change:CHG0030001", "other-app"), "incident",
                START.plusSeconds(60));

        assertThat(again).isEqualTo(first);
        assertThat(store().count(null, null)).isEqualTo(1);
    }

    @Test
    void concurrentOpensOfOneKeyStoreOneRow() throws InterruptedException {
        var outcomes = raceOn(12, () -> store().open(trigger("change:CHG0030009", "payment-gateway"), "problem",
                START));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.value().id()).distinct()).hasSize(1);
        assertThat(store().count(null, null)).isEqualTo(1);
    }

    @Test
    void eachRecordMadeIsKeptAsItIsSettled() {
        UUID id = store().open(trigger("change:CHG0030001", "payment-gateway"), "problem", START).id();

        store().recordServiceNow(id, "0123456789abcdef0123456789abcdef", "PRB0040007", null,
                "ServiceNow has no change_request numbered CHG0030001");
        store().recordJira(id, "10042", "PAY-42");
        Retrospective linked = store().recordLinked(id, START.plusSeconds(5));

        assertThat(linked.serviceNowSysId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(linked.serviceNowNumber()).isEqualTo("PRB0040007");
        assertThat(linked.changeSysId()).isNull();
        assertThat(linked.rfcNote()).isEqualTo("ServiceNow has no change_request numbered CHG0030001");
        assertThat(linked.jiraIssueId()).isEqualTo("10042");
        assertThat(linked.jiraKey()).isEqualTo("PAY-42");
        assertThat(linked.linkedAt()).isEqualTo(START.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(linked.complete()).isTrue();
        assertThat(store().find(id)).contains(linked);
    }

    @Test
    void recordingOnAnUnknownRetrospectiveFails() {
        assertThatThrownBy(() -> store().recordJira(UUID.randomUUID(), "1", "PAY-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no retrospective");
    }

    @Test
    void theListIsNewestFirstFilteredByApplicationAndSinceAndPaged() {
        Instant at = START;
        for (int i = 0; i < 5; i++) {
            store().open(trigger("release:a:" + i, i % 2 == 0 ? "payment-gateway" : "ledger"), "problem",
                    at.plusSeconds(i * 60L));
        }

        assertThat(store().list(null, null, 0, 10)).extracting(Retrospective::key)
                .containsExactly("release:a:4", "release:a:3", "release:a:2", "release:a:1", "release:a:0");
        assertThat(store().list("payment-gateway", null, 0, 10)).extracting(Retrospective::key)
                .containsExactly("release:a:4", "release:a:2", "release:a:0");
        assertThat(store().count("payment-gateway", null)).isEqualTo(3);
        assertThat(store().list(null, at.plusSeconds(120), 0, 10)).extracting(Retrospective::key)
                .containsExactly("release:a:4", "release:a:3", "release:a:2");
        assertThat(store().list("ledger", at.plusSeconds(120), 0, 10)).extracting(Retrospective::key)
                .containsExactly("release:a:3");
        assertThat(store().count(null, at.plusSeconds(120))).isEqualTo(3);
        assertThat(store().list(null, null, 1, 2)).extracting(Retrospective::key)
                .containsExactly("release:a:3", "release:a:2");
        assertThat(store().list("nobody", null, 0, 10)).isEmpty();
    }
}
