package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.retro.InclusionCriteria;
import io.retrobridge.retro.Judgement;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.RemoteSystem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change linked to a major incident, read from the ServiceNow sandbox's incident table: only accepted major
 * incidents that name the change (caused_by or rfc) count, and they open the shipped file's deep-dive.
 */
class ServiceNowMajorIncidentsTest {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "sn-password-Mi42Qz";
    static final Instant START = Instant.parse("2026-12-04T15:00:00Z");

    final MutableClock clock = new MutableClock(START);
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    ServiceNowSandbox sandbox;
    ServiceNowMajorIncidents majorIncidents;
    SeededRecord change;
    SeededRecord otherChange;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, clock).activateMajorIncidentManagement().start();
        sandbox.addUser(USER, PASSWORD, "itil");
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), USER, PASSWORD, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        RemoteSystem remote = ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), clock);
        majorIncidents = new ServiceNowMajorIncidents(new ServiceNowClient(remote,
                ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, clock));
        change = sandbox.seed().changeRequest(Map.of("short_description", "Rotate ledger certificates",
                "type", "standard", "state", "3", "close_code", "successful"));
        otherChange = sandbox.seed().changeRequest(Map.of("short_description", "Resize the checkout pool",
                "type", "normal", "state", "3", "close_code", "successful"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SeededRecord incident(String reference, String changeSysId, String majorIncidentState) {
        return sandbox.seed().incident(Map.of("short_description", "Ledger postings fail", reference, changeSysId,
                "major_incident_state", majorIncidentState));
    }

    @Test
    void acceptedMajorIncidentsCausedByOrRaisedAgainstTheChangeAreFound() {
        SeededRecord caused = incident("caused_by", change.sysId(), "accepted");
        SeededRecord raisedAgainst = incident("rfc", change.sysId(), "accepted");
        incident("caused_by", change.sysId(), "proposed");
        incident("caused_by", change.sysId(), "");
        incident("caused_by", otherChange.sysId(), "accepted");

        assertThat(majorIncidents.linkedTo(change.sysId())).containsExactly(caused.number(), raisedAgainst.number());
        assertThat(majorIncidents.linkedTo(otherChange.sysId())).hasSize(1);

        List<String> queries = sandbox.requests().all().stream().filter(r -> r.path().endsWith("/table/incident"))
                .map(r -> URLDecoder.decode(r.rawQuery(), StandardCharsets.UTF_8)).toList();
        assertThat(queries).hasSize(4).allMatch(q -> q.contains("major_incident_state=accepted"));
        assertThat(queries.get(0)).contains("sysparm_query=caused_by=" + change.sysId()
                + "^major_incident_state=accepted^ORDERBYnumber");
        assertThat(queries.get(1)).contains("sysparm_query=rfc=" + change.sysId());
    }

    @Test
    void aChangeWithoutAnAcceptedMajorIncidentHasNone() {
        incident("caused_by", change.sysId(), "rejected");
        assertThat(majorIncidents.linkedTo(change.sysId())).isEmpty();
    }

    @Test
    void anInstanceWithoutMajorIncidentManagementHasNoMajorIncidents() throws Exception {
        // Without the plugin's field ServiceNow drops that part of the query, so every incident of the change answers.
        try (ServiceNowSandbox plain = new ServiceNowSandbox(0, clock)) {
            plain.start();
            plain.addUser(USER, PASSWORD, "itil");
            ServiceNowProperties properties = new ServiceNowProperties(plain.baseUrl(), USER, PASSWORD, null, null,
                    "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
            ServiceNowMajorIncidents noPlugin = new ServiceNowMajorIncidents(new ServiceNowClient(
                    ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), clock),
                    ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, clock));
            SeededRecord closed = plain.seed().changeRequest(Map.of("short_description", "Rotate certificates",
                    "type", "standard", "state", "3", "close_code", "successful"));
            plain.seed().incident(Map.of("short_description", "Ledger postings fail", "caused_by", closed.sysId()));

            assertThat(noPlugin.linkedTo(closed.sysId())).isEmpty();
            assertThat(plain.requests().all()).filteredOn(r -> r.path().endsWith("/table/incident")).hasSize(2);
        }
    }

    @Test
    void aSuccessfulStandardChangeThatCausedAMajorIncidentOpensADeepDive() {
        SeededRecord caused = incident("caused_by", change.sysId(), "accepted");
        RetrospectivesMapping shipped = MappingFiles.load(MappingFiles.SHIPPED_DIR).retrospectives().orElseThrow();
        ChangeRecord closed = new ChangeRecord(change.sysId(), change.number(), "Rotate ledger certificates",
                "standard", ChangeState.CLOSED, "4", "3", null, "ledger", null, null, START.minusSeconds(600), START,
                "successful", "done", START);

        Judgement judgement = new InclusionCriteria(shipped, majorIncidents).judge(closed, Optional.empty());

        RetrospectiveTrigger trigger = judgement.trigger().orElseThrow();
        assertThat(trigger.key()).isEqualTo("change:" + change.number());
        assertThat(trigger.ruleId()).isEqualTo("major-incident");
        assertThat(trigger.tier()).isEqualTo("deep-dive");
        assertThat(trigger.reason()).isEqualTo("standard change " + change.number() + " closed successful is linked"
                + " to major incident " + caused.number());
        assertThat(trigger.program()).isEqualTo("payments");
    }

    @Test
    void withoutTheMajorIncidentTheSameChangeNeedsNone() {
        RetrospectivesMapping shipped = MappingFiles.load(MappingFiles.SHIPPED_DIR).retrospectives().orElseThrow();
        ChangeRecord closed = new ChangeRecord(change.sysId(), change.number(), "Rotate ledger certificates",
                "standard", ChangeState.CLOSED, "4", "3", null, "ledger", null, null, START.minusSeconds(600), START,
                "successful", "done", START);

        Judgement judgement = new InclusionCriteria(shipped, majorIncidents).judge(closed, Optional.empty());

        assertThat(judgement.trigger()).isEmpty();
        assertThat(judgement.reason()).contains("rule standard-change-succeeded says it needs no retrospective");
    }
}
