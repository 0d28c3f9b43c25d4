package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.SandboxPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failure-mode tags of a retrospective's action items, read from the problem tasks under its problem. */
class ServiceNowRetrospectiveFailureModesTest {

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final SandboxPair pair = SandboxPair.shared();

    private ServiceNowRetrospectiveFailureModes failureModes() throws Exception {
        ServiceNowProperties properties = new ServiceNowProperties(pair.servicenow.baseUrl(), SandboxPair.SYNC_USER,
                SandboxPair.SYNC_PASSWORD, null, null, "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceNowClient client = new ServiceNowClient(ServiceNowConnectionConfiguration.remoteSystem(properties,
                camel.sender(), Clock.systemUTC()), ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, Clock.systemUTC());
        return new ServiceNowRetrospectiveFailureModes(client, new CurrentMappings(
                new MappingLoader(TextFormatConverters.standard()).load(Path.of("mappings"))));
    }

    private static Retrospective retrospective(String problemSysId) {
        return new Retrospective(UUID.randomUUID(), "checkout@production@4.2.0", "failed-release", "full",
                "the release failed", "checkout", "production", "4.2.0", null, null, LocalDate.of(2026, 12, 10),
                Instant.parse("2026-12-07T06:00:00Z"), "problem", problemSysId, null, null, null, null, null, null);
    }

    private SeededRecord task(SeededRecord problem, String type, String causeCode) {
        return pair.servicenow.seed().problemTask(Map.of("short_description", "Action " + causeCode,
                "problem", problem.sysId(), "problem_task_type", type, "cause_code", causeCode));
    }

    @Test
    void theTagsOfTheActionItemsUnderTheProblemEachOnce() throws Exception {
        SeededRecord problem = pair.servicenow.seed().problem(Map.of("short_description", "Checkout 4.2.0 failed"));
        SeededRecord other = pair.servicenow.seed().problem(Map.of("short_description", "Another release"));
        task(problem, "general", "config-drift");
        task(problem, "general", "missing-alert");
        task(problem, "general", "config-drift");
        task(problem, "general", "");
        // A root-cause-analysis task is outside the action-item mapping's scope (problem_task_type=general).
        task(problem, "rca", "capacity");
        task(other, "general", "flaky-tests");

        assertThat(failureModes().failureModes(retrospective(problem.sysId())))
                .containsExactly("config-drift", "missing-alert");
        assertThat(pair.servicenow.requests().all()).filteredOn(e -> e.path().endsWith("/problem_task")
                        && e.rawQuery() != null && e.rawQuery().contains(problem.sysId()))
                .last().satisfies(e -> assertThat(SandboxHttpServer.decodeQuery(e.rawQuery()).get("sysparm_query"))
                        .containsExactly("problem_task_type=general^problem=" + problem.sysId() + "^ORDERBYsys_id"));
    }

    @Test
    void aRetrospectiveWithoutAServiceNowRecordHasNone() throws Exception {
        long before = taskQueries();

        assertThat(failureModes().failureModes(retrospective(null))).isEmpty();
        assertThat(taskQueries()).isEqualTo(before);
    }

    /** Reads of the tasks under some problem, as this class makes them (a connector's poll reads others). */
    private long taskQueries() {
        return pair.servicenow.requests().all().stream().filter(e -> e.path().endsWith("/problem_task")
                && e.rawQuery() != null && SandboxHttpServer.decodeQuery(e.rawQuery())
                .getOrDefault("sysparm_query", java.util.List.of()).stream()
                .anyMatch(q -> q.startsWith("problem_task_type=general^problem="))).count();
    }
}
