package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.AlertStore.Recorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the Alertmanager intake and the PIR summary rely on from any {@link AlertStore}. */
abstract class AlertStoreContract extends StoreContractSupport {

    private static final String GROUP = "{}/{service=~\".+\"}:{alertname=\"HighErrorRate\"}";
    private static final Instant FIRED = Instant.parse("2026-12-01T14:20:05.123456Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-01T14:47:35.654321Z");

    private AlertStore store() {
        return port(AlertStore.class);
    }

    @BeforeEach
    void noAlerts() {
        port(JdbcClient.class).sql("DELETE FROM alerts").update();
        port(JdbcClient.class).sql("DELETE FROM alert_truncations").update();
    }

    @Test
    void anAlertIsStoredWithEveryFieldAndReadBackEqual() {
        Alert resolved = alert("a1bc48475b20e73d", "payment-gateway", FIRED, RESOLVED).linkedTo("GITHUB:8812");

        Recorded recorded = store().record(resolved);

        assertThat(recorded.changed()).isTrue();
        assertThat(recorded.alert()).isEqualTo(resolved);
        assertThat(store().activeBetween("payment-gateway", FIRED, RESOLVED)).containsExactly(resolved);
    }

    @Test
    void theSameReportTwiceChangesNothingAndTimesFinerThanAMicrosecondDoNotCount() {
        store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED.plusNanos(789), null));

        Recorded again = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED.plusNanos(789), null));

        assertThat(again.changed()).isFalse();
        assertThat(again.alert().startsAt()).isEqualTo(FIRED);
    }

    @Test
    void theResolutionFollowingTheFiringEndsIt() {
        store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, null));

        Recorded resolution = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, RESOLVED));

        assertThat(resolution.changed()).isTrue();
        assertThat(resolution.alert().endsAt()).isEqualTo(RESOLVED);
        assertThat(resolution.alert().firedFor()).hasValueSatisfying(fired -> assertThat(fired.toSeconds())
                .isEqualTo(1650));
    }

    @Test
    void aFiringReportArrivingAfterTheResolutionNeverReopensIt() {
        store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, RESOLVED));

        Recorded late = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, null));
        Recorded secondResolution = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED,
                RESOLVED.plusSeconds(60)));

        assertThat(late.changed()).isFalse();
        assertThat(late.alert().endsAt()).isEqualTo(RESOLVED);
        assertThat(secondResolution.alert().endsAt()).isEqualTo(RESOLVED);
        assertThat(store().activeBetween("payment-gateway", FIRED, RESOLVED.plusSeconds(3600)))
                .extracting(Alert::endsAt).containsExactly(RESOLVED);
    }

    @Test
    void aLaterReportFillsWhatTheStoredFiringLacksButChangesNoKnownValue() {
        store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, null));

        Recorded linked = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, null)
                .linkedTo("PIPELINE:99"));
        Recorded relinked = store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, null)
                .linkedTo("PIPELINE:100"));

        assertThat(linked.changed()).isTrue();
        assertThat(relinked.changed()).isFalse();
        assertThat(relinked.alert().deploymentRun()).isEqualTo("PIPELINE:99");
    }

    @Test
    void theSameAlertFiringAgainLaterIsASecondFiring() {
        store().record(alert("a1bc48475b20e73d", "payment-gateway", FIRED, RESOLVED));
        store().record(alert("a1bc48475b20e73d", "payment-gateway", RESOLVED.plusSeconds(600), null));

        assertThat(store().activeBetween("payment-gateway", FIRED, RESOLVED.plusSeconds(3600)))
                .extracting(Alert::startsAt, Alert::endsAt)
                .containsExactly(tuple(FIRED, RESOLVED),
                        tuple(RESOLVED.plusSeconds(600), null));
    }

    @Test
    void activeBetweenFindsTheServicesFiringsThatOverlapTheWindowOldestFirst() {
        Instant from = Instant.parse("2026-12-01T14:00:00Z");
        Instant to = Instant.parse("2026-12-01T15:00:00Z");
        Alert endedBefore = alert("0000000000000001", "payment-gateway", from.minusSeconds(600), from);
        Alert overlapsTheStart = alert("0000000000000002", "payment-gateway", from.minusSeconds(600),
                from.plusSeconds(1));
        Alert stillFiring = alert("0000000000000003", "payment-gateway", from.plusSeconds(1800), null);
        Alert startsAtTheEnd = alert("0000000000000004", "payment-gateway", to, null);
        Alert otherService = alert("0000000000000005", "ledger", from.plusSeconds(60), null);
        List.of(endedBefore, overlapsTheStart, stillFiring, startsAtTheEnd, otherService).forEach(store()::record);

        assertThat(store().activeBetween("payment-gateway", from, to))
                .containsExactly(overlapsTheStart, stillFiring);
    }

    @Test
    void manyServicesAreReadAtOnceEachWithTheSameFiringsAsAlone() {
        Instant from = Instant.parse("2026-12-01T14:00:00Z");
        Instant to = Instant.parse("2026-12-01T15:00:00Z");
        Alert gatewayEarly = alert("0000000000000011", "payment-gateway", from.minusSeconds(600),
                from.plusSeconds(1));
        Alert gatewayLate = alert("0000000000000012", "payment-gateway", from.plusSeconds(1800), null);
        Alert gatewayAfter = alert("0000000000000013", "payment-gateway", to, null);
        Alert ledger = alert("0000000000000014", "ledger", from.plusSeconds(60), null);
        Alert notAsked = alert("0000000000000015", "checkout", from.plusSeconds(60), null);
        List.of(gatewayLate, gatewayEarly, gatewayAfter, ledger, notAsked).forEach(store()::record);
        // More services than one statement names, so the reads are cut and put back together.
        List<String> services = new ArrayList<>(List.of("payment-gateway", "ledger", "quiet-service"));
        for (int i = 0; i < 600; i++) {
            services.add("service-" + i);
        }

        Map<String, List<Alert>> byService = store().activeBetween(services, from, to);

        assertThat(byService).containsOnlyKeys("payment-gateway", "ledger");
        assertThat(byService.get("payment-gateway")).containsExactly(gatewayEarly, gatewayLate)
                .isEqualTo(store().activeBetween("payment-gateway", from, to));
        assertThat(byService.get("ledger")).containsExactly(ledger);
    }

    @Test
    void truncationsAreKeptOncePerNotificationAndFoundForTheServiceOrForNone() {
        AlertTruncation gateway = new AlertTruncation(GROUP, "retrobridge", "payment-gateway", FIRED, 3);
        AlertTruncation unnamed = new AlertTruncation("{}:{}", "retrobridge", null, FIRED.plusSeconds(60), 1);
        AlertTruncation ledger = new AlertTruncation("{}:{ledger}", "retrobridge", "ledger", FIRED.plusSeconds(120), 7);

        store().recordTruncation(gateway);
        store().recordTruncation(gateway);
        store().recordTruncation(unnamed);
        store().recordTruncation(ledger);

        assertThat(store().truncationsBetween("payment-gateway", FIRED, FIRED.plusSeconds(3600)))
                .containsExactly(gateway, unnamed);
        assertThat(store().truncationsBetween("payment-gateway", FIRED.plusSeconds(1), FIRED.plusSeconds(3600)))
                .containsExactly(unnamed);
    }

    private static Alert alert(String fingerprint, String service, Instant startsAt, Instant endsAt) {
        return new Alert(GROUP, fingerprint, "HighErrorRate", service, "production", "critical",
                "Error rate above 5% on " + service, startsAt, endsAt,
                "http://prometheus:9090/graph?g0.expr=rate%28http_errors_total%5B5m%5D%29", Map.of("alertname",
                "HighErrorRate", "service", service, "environment", "production", "severity", "critical"), null);
    }
}
