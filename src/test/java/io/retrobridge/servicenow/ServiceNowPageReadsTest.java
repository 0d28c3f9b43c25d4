package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.RemoteSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a poll page asks for all of its records at once: their copies by correlation id, and their journals. */
class ServiceNowPageReadsTest {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "sn-password-Kq81Lm";
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");

    final MutableClock clock = new MutableClock(START);
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    ServiceNowSandbox sandbox;
    ServiceNowClient client;
    SeededRecord problem;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, clock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
        problem = sandbox.seed().problem(Map.of("short_description", "Checkout failures"));
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), USER, PASSWORD, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        RemoteSystem remote = ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), clock);
        client = new ServiceNowClient(remote, ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    SeededRecord task(String description, String correlationId) {
        return sandbox.seed().problemTask(Map.of("short_description", description, "problem", problem.sysId(),
                "correlation_id", correlationId));
    }

    static Map<String, List<String>> query(RequestLog.Entry entry) {
        return SandboxHttpServer.decodeQuery(entry.rawQuery());
    }

    @Test
    void theCopiesOfAWholePageAreFoundInOneQueryOldestFirst() {
        SeededRecord first = task("copy of 1", "rb-000000000001");
        clock.advance(Duration.ofMinutes(1));
        sandbox.seed().problemTask(Map.of("short_description", "copy of 1 made by hand", "problem", problem.sysId(),
                "correlation_id", "rb-000000000001"));
        SeededRecord second = task("copy of 2", "rb-000000000002");
        task("someone else's", "rb-000000000009");

        Map<String, String> found = client.sysIdsByCorrelationIds("problem_task",
                List.of("rb-000000000001", "rb-000000000002", "rb-000000000003"));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("rb-000000000001", first.sysId(),
                "rb-000000000002", second.sysId()));
        assertThat(sandbox.requests().all()).singleElement().satisfies(request -> assertThat(query(request))
                .containsEntry("sysparm_query", List.of("correlation_idINrb-000000000001,rb-000000000002,"
                        + "rb-000000000003^ORDERBYsys_created_on^ORDERBYsys_id")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rb-1,rb-2", "x^ORactive=true", "rb-1^NQactive=true", "javascript:gs.sleep(1)", "a@b", ""})
    void aHostileCorrelationIdInTheBatchIsRefusedWithNothingSent(String hostile) {
        task("victim", "rb-000000000001");

        assertThatThrownBy(() -> client.sysIdsByCorrelationIds("problem_task", List.of("rb-000000000001", hostile)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation_id").hasMessageContaining("refused");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void theJournalsOfAWholePageAreReadInOneQuery() {
        SeededRecord noted = task("noted", "rb-000000000001");
        SeededRecord quiet = task("quiet", "rb-000000000002");
        SeededRecord other = task("not on the page", "rb-000000000003");
        client.addWorkNote("problem_task", noted.sysId(), "first note");
        clock.advance(Duration.ofSeconds(5));
        client.addComment("problem_task", noted.sysId(), "then a comment");
        client.addWorkNote("problem_task", other.sysId(), "elsewhere");
        sandbox.requests().clear();

        Map<String, List<JournalLine>> journals = client.journals(List.of(noted.sysId(), quiet.sysId()));

        assertThat(journals.get(noted.sysId())).extracting(JournalLine::element, JournalLine::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("work_notes", "first note"),
                        org.assertj.core.groups.Tuple.tuple("comments", "then a comment"));
        assertThat(journals.get(quiet.sysId())).isEmpty();
        assertThat(journals).doesNotContainKey(other.sysId());
        assertThat(journals.get(noted.sysId())).isEqualTo(client.journal("problem_task", noted.sysId()));
        assertThat(sandbox.requests().all()).hasSize(2).first().satisfies(request -> assertThat(query(request))
                .containsEntry("sysparm_query", List.of("element_idIN" + noted.sysId() + "," + quiet.sysId()
                        + "^ORDERBYsys_created_on^ORDERBYsys_id")));
    }

    @Test
    void aHostileSysIdInTheBatchIsRefusedWithNothingSent() {
        SeededRecord noted = task("noted", "rb-000000000001");

        assertThatThrownBy(() -> client.journals(List.of(noted.sysId(), noted.sysId() + ",x^ORelement_idISNOTEMPTY")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requests().all()).isEmpty();
    }
}
