package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.transport.RemoteCallException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The action items under a retrospective, read as the sys_ids of the problem tasks under its problem. */
class ServiceNowRetrospectiveTasksTest {

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final SandboxPair pair = SandboxPair.shared();

    private ServiceNowClient client() {
        ServiceNowProperties properties = new ServiceNowProperties(pair.servicenow.baseUrl(), SandboxPair.SYNC_USER,
                SandboxPair.SYNC_PASSWORD, null, null, "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new ServiceNowClient(ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(),
                Clock.systemUTC()), ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, Clock.systemUTC());
    }

    private ServiceNowRetrospectiveTasks tasks(int pageSize) throws Exception {
        return new ServiceNowRetrospectiveTasks(client(), new CurrentMappings(
                new MappingLoader(TextFormatConverters.standard()).load(Path.of("mappings"))), pageSize);
    }

    private static Retrospective retrospective(String problemSysId) {
        return new Retrospective(UUID.randomUUID(), "checkout@production@4.2.0", "failed-release", "full",
                "the release failed", "checkout", "production", "4.2.0", null, null, LocalDate.of(2026, 12, 10),
                Instant.parse("2026-12-07T06:00:00Z"), "problem", problemSysId, null, null, null, null, null, null);
    }

    private String problem(String title) {
        return client().create("problem", fields("short_description", title)).sysId();
    }

    private String task(String problemSysId, String type, String title) {
        ObjectNode fields = fields("short_description", title).put("problem", problemSysId)
                .put("problem_task_type", type);
        return client().create("problem_task", fields).sysId();
    }

    private static ObjectNode fields(String name, String value) {
        return JsonNodeFactory.instance.objectNode().put(name, value);
    }

    @Test
    void theActionItemsUnderTheProblemAndNothingElse() throws Exception {
        String problem = problem("Checkout 4.2.0 failed");
        String other = problem("Another release");
        String rollback = task(problem, "general", "Automate the rollback");
        String alert = task(problem, "general", "Alert on queue depth");
        // A root-cause-analysis task is outside the action-item mapping's scope (problem_task_type=general).
        task(problem, "rca", "Find the root cause");
        task(other, "general", "Another release's action");

        assertThat(tasks(ServiceNowRetrospectiveTasks.PAGE_SIZE).taskSysIds(retrospective(problem)))
                .containsExactlyInAnyOrder(rollback, alert);
        assertThat(taskQueries(problem)).first()
                .isEqualTo("problem_task_type=general^problem=" + problem + "^ORDERBYsys_id");
    }

    @Test
    void moreTasksThanAPageAreReadPageByPageFromTheLastSysId() throws Exception {
        String problem = problem("Payments 7.1.0 failed");
        Set<String> created = new TreeSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(task(problem, "general", "Action " + i));
        }

        Set<String> read = tasks(3).taskSysIds(retrospective(problem));

        assertThat(read).isEqualTo(created);
        List<String> queries = taskQueries(problem);
        assertThat(queries).as("7 tasks, 3 a page: the third page is short").hasSize(3);
        assertThat(queries.get(1)).contains("^sys_id>").endsWith("^ORDERBYsys_id");
    }

    @Test
    void aRetrospectiveWithoutAServiceNowRecordHasNoneAndAsksNothing() throws Exception {
        int before = taskQueries("").size();

        assertThat(tasks(ServiceNowRetrospectiveTasks.PAGE_SIZE).taskSysIds(retrospective(null))).isEmpty();
        assertThat(taskQueries("")).hasSize(before);
    }

    /**
     * ServiceNow leaves a task an ACL hides out of a list without a word, and answers a read of it as if it did not
     * exist: the list alone cannot tell a finished follow-up from a hidden one, so a task is asked after by itself.
     */
    @Test
    void aTaskAnAclHidesIsLeftOutOfTheListAndReadAloneShowsNothingWhileAVisibleOneShowsItsProblem() throws Exception {
        String problem = problem("Checkout 4.3.0 failed");
        String visible = task(problem, "general", "Alert on queue depth");
        String hidden = task(problem, "general", "Rotate the gateway keys");
        pair.servicenow.hideRecordFrom("problem_task", hidden, SandboxPair.SYNC_USER);
        try {
            ServiceNowRetrospectiveTasks tasks = tasks(ServiceNowRetrospectiveTasks.PAGE_SIZE);

            assertThat(tasks.taskSysIds(retrospective(problem))).containsExactly(visible);
            assertThat(tasks.parentOf(hidden)).isEmpty();
            assertThat(tasks.parentOf(visible)).contains(problem);
        } finally {
            pair.servicenow.showRecordTo("problem_task", hidden, SandboxPair.SYNC_USER);
        }
    }

    /** A rate limit with a ten-minute Retry-After fails the read at once, saying so; it is never an empty list. */
    @Test
    void aRateLimitFailsTheReadSayingWhenToComeBackInsteadOfAnsweringNoTasks() throws Exception {
        try (ServiceNowSandbox own = new ServiceNowSandbox(0, Clock.systemUTC()).start()) {
            own.addUser(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD, "itil");
            ServiceNowProperties properties = new ServiceNowProperties(own.baseUrl(), SandboxPair.SYNC_USER,
                    SandboxPair.SYNC_PASSWORD, null, null, "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
            ServiceNowClient client = new ServiceNowClient(ServiceNowConnectionConfiguration.remoteSystem(properties,
                    camel.sender(), Clock.systemUTC()), ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS,
                    Clock.systemUTC());
            ServiceNowRetrospectiveTasks tasks = new ServiceNowRetrospectiveTasks(client, new CurrentMappings(
                    new MappingLoader(TextFormatConverters.standard()).load(Path.of("mappings"))));
            String problem = own.seed().problem(java.util.Map.of("short_description", "Checkout failed")).sysId();
            own.rateLimitNext(2, 600);

            assertThatThrownBy(() -> tasks.taskSysIds(retrospective(problem)))
                    .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                        assertThat(e.failure()).isEqualTo(RemoteCallException.Failure.RATE_LIMITED);
                        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
                    });
            assertThatThrownBy(() -> tasks.parentOf("0123456789abcdef0123456789abcdef"))
                    .isInstanceOf(RemoteCallException.class).hasMessageContaining("retry after 600 s");
        }
    }

    /** The queries sent for the tasks under {@code problem} (every problem for ""), in order. */
    private List<String> taskQueries(String problem) {
        return pair.servicenow.requests().all().stream()
                .filter(e -> e.path().endsWith("/problem_task") && e.rawQuery() != null)
                .flatMap(e -> SandboxHttpServer.decodeQuery(e.rawQuery())
                        .getOrDefault("sysparm_query", List.of()).stream())
                .filter(q -> q.startsWith("problem_task_type=general^problem=" + problem))
                .toList();
    }
}
