package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.FaultyProxy;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Network faults on the wire between the connector and one system, while an edit made on the other system is
 * carried over: the connection reset, closed with no answer, a 200 cut off mid-body, a 200 with a body that is
 * not JSON, and the real answer arriving after the read timeout. Each hits the first two matching requests (reads
 * of the record, or the write itself), then the system answers normally again. Every case must end with the edit
 * on both sides, written once, nothing created twice and nothing parked.
 */
class NetworkFaultsTest extends FaultSuiteSupport {

    static final int FAULTS_PER_CASE = 2;
    private static final AtomicInteger ITEMS = new AtomicInteger();

    enum Target {
        SERVICENOW_READS("GET", "/api/now/table/problem_task.*"),
        SERVICENOW_WRITES("PATCH", "/api/now/table/problem_task/.*"),
        JIRA_READS("GET", "/rest/api/3/issue/.*"),
        JIRA_WRITES("PUT", "/rest/api/3/issue/.*");

        final String method;
        final String path;

        Target(String method, String path) {
            this.method = method;
            this.path = path;
        }

        boolean onServiceNow() {
            return name().startsWith("SERVICENOW");
        }
    }

    static Stream<Arguments> faults() {
        List<FaultyProxy.Kind> kinds = List.of(FaultyProxy.CONNECTION_RESET, FaultyProxy.EMPTY_RESPONSE,
                FaultyProxy.MALFORMED_CHUNK, FaultyProxy.GARBAGE_JSON, FaultyProxy.slow(READ_TIMEOUT.plusMillis(700)));
        // Not garbage on a Jira write: Jira answers an edit 204 with no body, so a proxy that swallows the edit and
        // answers 200 cannot be told from success by any client; ServiceNow's answer carries the record and is read.
        return kinds.stream().flatMap(kind -> Stream.of(Target.values())
                .filter(target -> kind != FaultyProxy.GARBAGE_JSON || target != Target.JIRA_WRITES)
                .map(target -> Arguments.of(kind, target)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("faults")
    void anEditCarriedOverThroughAFaultyNetworkLandsOnceAndNothingIsParked(FaultyProxy.Kind kind, Target target) {
        Item item = linkedItem("Harden the gateway client, case " + ITEMS.incrementAndGet());
        String edited = item.title() + " (edited)";
        long parkedBefore = deadLetters.count();
        FaultyProxy proxy = target.onServiceNow() ? servicenowProxy : jiraProxy;
        // The edit is made on the system the faults are not on, so the faulty calls are the connector's own.
        if (target.onServiceNow()) {
            systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited) + "}");
        } else {
            systems.patchTask(item.sysId(), "{\"short_description\":" + SandboxPair.quote(edited) + "}");
        }
        systems.awaitWebhooks();
        proxy.failNext(FAULTS_PER_CASE, target.method, target.path, kind);

        Writes writes = settle();

        long injected = proxy.injected();
        List<DeadLetter> parked = parkedSince(parkedBefore);
        String onJira = systems.jiraIssue(item.key()).path("fields").path("summary").asText();
        String onServiceNow = systems.task(item.sysId()).get("short_description");
        long lost = (edited.equals(onJira) ? 0 : 1) + (edited.equals(onServiceNow) ? 0 : 1);
        long written = target.onServiceNow() ? writes.servicenow() : writes.jira();
        long duplicates = Math.max(0, written - 1) + duplicatesOf(edited);
        FaultReport.line("wiremock-" + kind.name() + "-" + target.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                injected, lost == 0 ? 1 : 0, parked.size(), duplicates, lost);

        // Fewer than all when a rerun read the record and found the write had landed after all (a slow answer).
        assertThat(injected).as("faults met").isBetween(1L, (long) FAULTS_PER_CASE);
        assertThat(parked).as("parked events").isEmpty();
        assertThat(onJira).isEqualTo(edited);
        assertThat(onServiceNow).isEqualTo(edited);
        assertThat(written).as("writes on the faulty side (the edit once)").isEqualTo(1);
        assertThat(target.onServiceNow() ? writes.jira() : writes.servicenow()).as("writes back to the origin").isZero();
        assertNothingDuplicatedOrLost(duplicates, lost);
    }

    static Stream<Arguments> createFaults() {
        return Stream.of(FaultyProxy.CONNECTION_RESET, FaultyProxy.EMPTY_RESPONSE, FaultyProxy.MALFORMED_CHUNK,
                FaultyProxy.GARBAGE_JSON, FaultyProxy.slow(READ_TIMEOUT.plusMillis(700))).map(Arguments::of);
    }

    /**
     * The create itself meets the fault. A slow answer is the hard one: ServiceNow did create the record, the
     * connector only never heard; running the event again must find it by correlation id, not create another.
     */
    @ParameterizedTest(name = "{0} on the ServiceNow create")
    @MethodSource("createFaults")
    void aCreateThroughAFaultyNetworkMakesExactlyOneCopy(FaultyProxy.Kind kind) {
        String title = "Mirror the gateway runbook, case " + ITEMS.incrementAndGet();
        long parkedBefore = deadLetters.count();
        servicenowProxy.failNext(1, "POST", "/api/now/table/problem_task", kind);
        systems.createJiraItem(title);

        settle();

        long injected = servicenowProxy.injected();
        List<DeadLetter> parked = parkedSince(parkedBefore);
        long duplicates = duplicatesOf(title);
        long lost = lostOf(title);
        FaultReport.line("wiremock-" + kind.name() + "-servicenow-create", injected, lost == 0 ? 1 : 0,
                parked.size(), duplicates, lost);
        assertThat(injected).isEqualTo(1);
        assertThat(parked).as("parked events").isEmpty();
        assertThat(systems.taskTitled(title).get("correlation_id")).startsWith("rb-");
        assertNothingDuplicatedOrLost(duplicates, lost);
    }
}
