package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sysparm_query} on problem_task, as the connector's poller and lookups will use it. */
class ServiceNowEncodedQueryTest extends SandboxTestSupport {

    private ServiceNowSeed.SeededRecord canary;
    private ServiceNowSeed.SeededRecord alert;
    private ServiceNowSeed.SeededRecord runbook;
    private ServiceNowSeed.SeededRecord pinning;

    /** Four tasks created an hour apart: PTASK0010001..4. */
    @BeforeEach
    void seedTasks() {
        ServiceNowSeed seed = sandbox.seed();
        seed.user("beth.anglin", "Beth Anglin", "beth.anglin@example.com");
        seed.reviewBoards();
        canary = seed.problemTask(Map.of("short_description", "Add canary stage", "state", "154",
                "assigned_to", "beth.anglin", "correlation_id", "RB-101", "impact", "1", "urgency", "2"));
        clock.advance(Duration.ofHours(1));
        alert = seed.problemTask(Map.of("short_description", "Alert on error rate", "state", "151",
                "correlation_id", "RB-102", "due_date", "2026-03-01 12:00:00"));
        clock.advance(Duration.ofHours(1));
        runbook = seed.problemTask(Map.of("short_description", "Write rollback runbook", "state", "157",
                "close_code", "fix_applied", "assignment_group", "CAB"));
        clock.advance(Duration.ofHours(1));
        pinning = seed.problemTask(Map.of("short_description", "Pin SDK version", "state", "157",
                "close_code", "canceled", "impact", "2", "urgency", "2"));
    }

    private List<String> query(String encoded) throws Exception {
        return numbers(get("/api/now/table/problem_task?sysparm_query=" + q(encoded)));
    }

    @Test
    void comparisonAndTextOperatorsSelectTheMatchingRecords() throws Exception {
        assertThat(query("state=157")).containsExactly(runbook.number(), pinning.number());
        assertThat(query("state!=157")).containsExactly(canary.number(), alert.number());
        assertThat(query("short_descriptionLIKEcanary")).containsExactly(canary.number());
        assertThat(query("short_descriptionNOT LIKEROLL")).containsExactly(canary.number(), alert.number(), pinning.number());
        assertThat(query("short_descriptionSTARTSWITHwrite")).containsExactly(runbook.number());
        assertThat(query("short_descriptionENDSWITHversion")).containsExactly(pinning.number());
        assertThat(query("correlation_idINRB-102,RB-999")).containsExactly(alert.number());
        assertThat(query("correlation_idISEMPTY")).containsExactly(runbook.number(), pinning.number());
        assertThat(query("due_dateISNOTEMPTY")).containsExactly(alert.number());
        assertThat(query("priority<3")).containsExactly(canary.number());
        assertThat(query("priority>=3")).containsExactly(alert.number(), runbook.number(), pinning.number());
    }

    @Test
    void andOrAndNewQueryCombineLikeTheInstance() throws Exception {
        assertThat(query("state=157^close_code=fix_applied")).containsExactly(runbook.number());
        assertThat(query("state=151^ORclose_code=canceled")).containsExactly(alert.number(), pinning.number());
        assertThat(query("active=true^state=151^ORstate=154")).containsExactly(canary.number(), alert.number());
        assertThat(query("state=154^NQclose_code=canceled")).containsExactly(canary.number(), pinning.number());
    }

    @Test
    void datesCompareAsUtcTimestampsIncludingTheDateGenerateForm() throws Exception {
        assertThat(query("sys_created_on>2026-03-02 10:30:00")).containsExactly(runbook.number(), pinning.number());
        assertThat(query("sys_created_on>=2026-03-02 10:30:00")).containsExactly(alert.number(), runbook.number(),
                pinning.number());
        assertThat(query("sys_updated_on<javascript:gs.dateGenerate('2026-03-02','10:30:00')"))
                .containsExactly(canary.number());
        assertThat(query("due_date<2026-03-02")).containsExactly(alert.number());
    }

    @Test
    void orderByAndOrderByDescSortThenKeepInsertionOrderForTies() throws Exception {
        assertThat(query("ORDERBYDESCsys_created_on")).containsExactly(pinning.number(), runbook.number(),
                alert.number(), canary.number());
        assertThat(query("ORDERBYDESCstate^ORDERBYshort_description")).containsExactly(pinning.number(),
                runbook.number(), canary.number(), alert.number());
        assertThat(query("active=false^ORDERBYDESCnumber")).containsExactly(pinning.number(), runbook.number());
    }

    @Test
    void referenceFieldsMatchBySysIdAndByDotWalking() throws Exception {
        String beth = sandbox.records("sys_user").stream().filter(u -> u.get("user_name").equals("beth.anglin"))
                .findFirst().orElseThrow().get("sys_id");

        assertThat(query("assigned_to=" + beth)).containsExactly(canary.number());
        assertThat(query("assigned_to.user_name=beth.anglin")).containsExactly(canary.number());
        assertThat(query("assignment_group.name=CAB")).containsExactly(runbook.number());
    }

    @Test
    void aConditionOnAnUnknownFieldIsSilentlyDroppedAndWidensTheResult() throws Exception {
        // A real instance ignores the invalid part (unless glide.invalid_query.returns_no_rows is set), so a
        // mistyped field returns records the caller did not ask for. The connector must never rely on it.
        List<String> intended = query("correlation_id=RB-101");
        List<String> mistyped = query("correlation_idd=RB-101");
        List<String> halfMistyped = query("state=157^close_kode=canceled");

        assertThat(intended).containsExactly(canary.number());
        assertThat(mistyped).containsExactly(canary.number(), alert.number(), runbook.number(), pinning.number());
        assertThat(halfMistyped).containsExactly(runbook.number(), pinning.number());
    }
}
