package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.DemoHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's past retrospectives as the seed puts them into the sandbox: with the dates they had. */
class ServiceNowHistorySeedTest extends SandboxTestSupport {

    @Test
    void pastActionItemsKeepTheirDatesAndAreReadAfterTheDemosOwn() throws Exception {
        sandbox.seed().demo();
        // START is 2026-03-02, so the history is December, January and February.
        Map<String, ServiceNowSeed.SeededRecord> problems = sandbox.seed().history(DemoHistory.before(START));

        assertThat(problems).hasSize(7);
        JsonNode problem = result(get("/api/now/table/problem/"
                + problems.get("Inventory read a stale warehouse config").sysId()));
        assertThat(problem.get("sys_created_on").asText()).isEqualTo("2025-12-06 16:00:00");
        JsonNode tasks = result(get("/api/now/table/problem_task?sysparm_query=" + q("problem="
                + problems.get("Inventory read a stale warehouse config").sysId() + "^ORDERBYnumber")));
        assertThat(tasks).hasSize(2);
        // Its second item was due on 16 December and closed late, on the 22nd.
        JsonNode late = tasks.get(1);
        assertThat(late.get("short_description").asText()).isEqualTo("Diff live config against the repository in CI");
        assertThat(late.get("sys_created_on").asText()).isEqualTo("2025-12-06 16:10:00");
        assertThat(late.get("due_date").asText()).isEqualTo("2025-12-16 17:00:00");
        assertThat(late.get("state").asText()).isEqualTo("157");
        assertThat(late.get("closed_at").asText()).isEqualTo("2025-12-22 15:00:00");
        assertThat(late.get("cause_code").asText()).isEqualTo(DemoHistory.CONFIG_DRIFT);

        // The first poll reads in sys_updated_on order: the demo's own four tasks come first.
        List<String> read = numbers(get("/api/now/table/problem_task?sysparm_query=" + q("ORDERBYsys_updated_on")));
        assertThat(read).hasSize(16);
        assertThat(read.subList(0, 4)).containsExactlyInAnyOrder("PTASK0010001", "PTASK0010002", "PTASK0010003",
                "PTASK0010004");
        // Two of the past items are still open, both overdue since February.
        JsonNode open = result(get("/api/now/table/problem_task?sysparm_query=" + q("active=true^cause_code="
                + DemoHistory.CONFIG_DRIFT + "^ORDERBYdue_date")));
        assertThat(open).extracting(task -> task.get("due_date").asText())
                .containsExactly("2026-01-28 17:00:00", "2026-02-06 17:00:00");
    }
}
