package io.retrobridge.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.retrobridge.mapping.gate.GateWrite;
import io.retrobridge.sync.GateDecisionRecords.Blocking;
import io.retrobridge.sync.GateDecisionRecords.GateDecisionNote;
import io.retrobridge.sync.GateDecisionRecords.Outcome;
import io.retrobridge.sync.GateDecisionRecords.Written;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.transport.RemoteCallException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the simulator cannot do: a change the list shows but a write answers 404 (an ACL that lets the account read
 * but not reach the record), a 403 on the write, a 500; and the texts' bounds.
 */
class ServiceNowGateDecisionsTest {

    private static final String SYS_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final GateWrite.ServiceNow BOTH = new GateWrite.ServiceNow(true, "u_release_gate");

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    WireMockServer wire;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(get(urlPathEqualTo("/api/now/table/change_request")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"result\":[{\"sys_id\":\"" + SYS_ID
                        + "\",\"number\":\"CHG0030001\",\"u_release_gate\":\"\",\"sys_updated_on\":"
                        + "\"2026-12-07 08:00:00\",\"sys_mod_count\":\"3\"}]}")));
        journalAnswers(200, "{\"result\":[]}");
    }

    private void journalAnswers(int status, String body) {
        wire.stubFor(get(urlPathEqualTo("/api/now/table/sys_journal_field")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    private ServiceNowGateDecisions decisions() {
        ServiceNowProperties properties = new ServiceNowProperties(URI.create(wire.baseUrl()), "retrobridge.sync",
                "secret", null, null, "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new ServiceNowGateDecisions(new ServiceNowClient(ServiceNowConnectionConfiguration.remoteSystem(
                properties, camel.sender(), Clock.systemUTC()), ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS,
                Clock.systemUTC()));
    }

    private void writeAnswers(int status, String body) {
        wire.stubFor(patch(urlPathEqualTo("/api/now/table/change_request/" + SYS_ID)).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static GateDecisionNote deny(String reason, List<Blocking> blocking) {
        return new GateDecisionNote(UUID.fromString("6f1c1d2e-0000-4000-8000-000000000001"), "prod", "CHG0030001",
                "payment-gateway", "4.3.1", "production", "DENY", reason,
                "https://retrobridge.example.com/api/gates/evaluations/6f1c1d2e-0000-4000-8000-000000000001",
                Instant.parse("2026-12-07T08:00:00Z"), blocking);
    }

    private static final GateDecisionNote DENY = deny("DENY: 1 open immediate fix", List.of(new Blocking(
            "open-immediate-fixes", "link-pay-31", "Fix the ledger rounding", "PAY-31", "PTASK0010001")));

    @Test
    void aWriteAnswered404IsSkippedAsNoPermissionWithServiceNowsWords() {
        writeAnswers(404, "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or ACL "
                + "restricts the record retrieval\"},\"status\":\"failure\"}");

        Written written = decisions().write(DENY, BOTH);

        assertThat(written.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(written.sysId()).isEqualTo(SYS_ID);
        assertThat(written.detail()).contains("ServiceNow refused to let retrobridge.sync write change CHG0030001",
                "404: not there, or an ACL hides it", "ACL restricts the record retrieval", "nothing written");
        wire.verify(1, patchRequestedFor(urlPathEqualTo("/api/now/table/change_request/" + SYS_ID)));
    }

    @Test
    void aWriteAnswered403IsSkippedToo() {
        writeAnswers(403, "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception Update Failed "
                + "due to security constraints\"},\"status\":\"failure\"}");

        Written written = decisions().write(DENY, BOTH);

        assertThat(written.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(written.detail()).contains("(403)", "security constraints");
    }

    @Test
    void withOnlyAWorkNoteAJournalTheAccountMayNotReadIsSkippedRatherThanNotedOnEveryPoll() {
        journalAnswers(403, "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception\"},"
                + "\"status\":\"failure\"}");

        Written written = decisions().write(DENY, new GateWrite.ServiceNow(true, null));

        assertThat(written.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(written.detail()).contains("may not read sys_journal_field", "name a decision-field");
        wire.verify(0, patchRequestedFor(urlPathEqualTo("/api/now/table/change_request/" + SYS_ID)));
    }

    @Test
    void aServerErrorGoesToTheInboxToJudge() {
        writeAnswers(500, "{\"error\":{\"message\":\"Internal error\"},\"status\":\"failure\"}");

        assertThatThrownBy(() -> decisions().write(DENY, BOTH)).isInstanceOfSatisfying(RemoteCallException.class,
                e -> assertThat(e.status()).hasValue(500));
    }

    @Test
    void aFieldTheWriteDidNotKeepIsSaidInTheOutcome() {
        writeAnswers(200, "{\"result\":{\"sys_id\":\"" + SYS_ID + "\",\"u_release_gate\":\"\",\"sys_updated_on\":"
                + "\"2026-12-07 08:00:01\",\"sys_mod_count\":\"4\"}}");

        Written written = decisions().write(DENY, BOTH);

        assertThat(written.outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(written.detail()).contains("u_release_gate did not keep it (a write ACL, or a column shorter than"
                + " 1000 characters)");
    }

    @Test
    void theFieldIsBoundedAndKeepsItsStartAndStatusUrlWhateverTheReason() {
        GateDecisionNote long_ = deny("DENY: " + "x".repeat(5000) + "\r\nDENY [rb-gate 000000000000]", List.of());

        String field = GateDecisionText.field(long_);

        assertThat(field).hasSize(GateDecisionText.FIELD_LENGTH).startsWith("DENY [rb-gate " + long_.fingerprint()
                + "] 2026-12-07T08:00:00Z, gate prod: DENY: xxx").endsWith("\u2026 Status: " + long_.statusUrl())
                .doesNotContain("\n");
        assertThat(GateDecisionText.fingerprintIn(field)).contains(long_.fingerprint());
    }

    @Test
    void theNoteListsTwentyItemsAndCountsTheRest() {
        List<Blocking> many = java.util.stream.IntStream.range(0, 25).mapToObj(i -> new Blocking("open-immediate-fixes",
                "link-" + i, "Fix " + i, null, null)).toList();

        String note = GateDecisionText.workNote(deny("DENY: 25 open immediate fixes", many));

        assertThat(note.lines().filter(line -> line.startsWith("- open-immediate-fixes: Fix "))).hasSize(20);
        assertThat(note).contains("- and 5 more, listed at the status URL");
    }

    @Test
    void theFingerprintIsTheDecisionAndTheBlockingItemsInAnyOrder() {
        Blocking a = new Blocking("open-immediate-fixes", "link-1", "A", null, null);
        Blocking b = new Blocking("overdue-escalations", "link-2", "B", null, null);

        assertThat(deny("one reason", List.of(a, b)).fingerprint()).isEqualTo(deny("another reason", List.of(b, a))
                .fingerprint());
        assertThat(deny("r", List.of(a)).fingerprint()).isNotEqualTo(deny("r", List.of(a, b)).fingerprint());
        GateDecisionNote allow = new GateDecisionNote(DENY.evaluationId(), "prod", "CHG0030001", "payment-gateway",
                null, "production", "ALLOW", "ALLOW", DENY.statusUrl(), DENY.decidedAt(), List.of());
        assertThat(allow.fingerprint()).isNotEqualTo(deny("r", List.of()).fingerprint());
    }
}
