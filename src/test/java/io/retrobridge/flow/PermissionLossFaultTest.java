package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.items.UnreadableRecheck;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.SandboxPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The integration account loses Browse Projects on the whole Jira project in the middle of a run, while people keep
 * editing on both sides: every linked issue now answers 404, exactly as if it had been deleted. With
 * {@code on-delete: cancel} in the mapping (the setting under which a wrong verdict would do the most harm), nothing
 * may be cancelled, duplicated or lost, health must name the likely cause, and once the permission is back the scheduled
 * recheck brings every edit made meanwhile across, on both sides, without anyone replaying anything.
 */
class PermissionLossFaultTest extends FaultSuiteSupport {

    static final String SYNC_ACCOUNT = "557058:retrobridge";
    static final int ITEMS = 20;

    @Autowired
    CurrentMappings mappings;

    @Autowired
    UnreadableRecheck recheck;

    @TempDir
    Path mappingDir;

    @Test
    void permissionLossOnAProjectMidRunCancelsNothingAndEverythingSyncsOnceItIsBack() throws Exception {
        String shipped = Files.readString(Path.of("mappings", "action-items.yaml"));
        Files.writeString(mappingDir.resolve("action-items.yaml"), shipped.replace("\non-delete: leave\n",
                "\non-delete: cancel\n"));
        LoadedMappings previous = mappings.replace(new MappingLoader(TextFormatConverters.standard()).load(mappingDir));
        try {
            run();
        } finally {
            mappings.replace(previous);
            systems.jira.showProjectTo("PAY", SYNC_ACCOUNT);
        }
    }

    private void run() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            systems.createJiraItem("Access review item " + i);
        }
        settle();
        for (int i = 0; i < ITEMS; i++) {
            String title = "Access review item " + i;
            String key = systems.jiraKeyTitled(title);
            items.add(new Item(title, key, systems.jiraIssue(key).get("id").asText(),
                    systems.taskTitled(title).get("sys_id")));
        }
        // Edits flow while the account still sees the project.
        for (int i = 0; i < 4; i++) {
            systems.editJira(items.get(i).key(), "{\"summary\":" + SandboxPair.quote(expectedTitle(i, "before")) + "}");
        }
        settle();
        for (int i = 0; i < 4; i++) {
            assertThat(systems.task(items.get(i).sysId()).get("short_description")).isEqualTo(expectedTitle(i, "before"));
        }
        long parkedBefore = deadLetters.count();

        systems.jira.hideProjectFrom("PAY", SYNC_ACCOUNT);
        for (int i = 0; i < ITEMS; i++) {
            Item item = items.get(i);
            if (i % 2 == 0) {
                systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(expectedTitle(i, "after")) + "}");
            } else {
                systems.patchTask(item.sysId(), "{\"short_description\":" + SandboxPair.quote(expectedTitle(i, "after")) + "}");
            }
        }
        settle();
        pollAndSettle();

        long cancelledWrongly = items.stream().filter(PermissionLossFaultTest::cancelled).count();
        assertThat(cancelledWrongly).as("items cancelled while unreadable").isZero();
        JsonNode links = SandboxPair.json(AdminApi.get(port, "/actuator/health/links"));
        assertThat(links.path("status").asText()).isEqualTo("UP");
        assertThat(links.path("details").path("warning").asText())
                .contains("likely a permission change for the integration account on Jira project PAY");

        systems.jira.showProjectTo("PAY", SYNC_ACCOUNT);
        // No operator needed: the scheduled recheck reads the unreadable records again and queues those that are back.
        // A round reads the longest-waiting 50; the suite's earlier classes may have left some of their own waiting.
        int queued = 0;
        for (int round = 0; round < 10; round++) {
            int readAgain = recheck.recheck();
            settle();
            if (readAgain == 0) {
                break;
            }
            queued += readAgain;
        }
        assertThat(queued).as("records read again and queued").isGreaterThanOrEqualTo(ITEMS);

        long recovered = 0;
        long lost = 0;
        long duplicates = 0;
        for (int i = 0; i < ITEMS; i++) {
            Item item = items.get(i);
            String expected = expectedTitle(i, "after");
            String inJira = systems.jiraIssue(item.key()).path("fields").path("summary").asText();
            String inServiceNow = systems.task(item.sysId()).get("short_description");
            if (expected.equals(inJira) && expected.equals(inServiceNow)) {
                recovered++;
            } else {
                lost++;
            }
            duplicates += duplicatesOf(expected);
        }
        cancelledWrongly = items.stream().filter(PermissionLossFaultTest::cancelled).count();
        JsonNode afterwards = SandboxPair.json(AdminApi.get(port, "/actuator/health/links"));
        assertThat(afterwards.path("details").has("warning")).as("health once they read again: %s", afterwards).isFalse();
        long deadLettered = parkedSince(parkedBefore).size();
        FaultReport.line("permission-loss-on-project-mid-run", ITEMS, recovered, deadLettered, duplicates, lost,
                cancelledWrongly);
        assertNothingDuplicatedOrLost(duplicates, lost);
        assertThat(cancelledWrongly).as("cancelled wrongly").isZero();
        assertThat(recovered).isEqualTo(ITEMS);
        assertThat(deadLettered).as("a hidden record parks nothing").isZero();
    }

    private static String expectedTitle(int i, String phase) {
        return "Access review item " + i + " (edited " + phase + " the access change"
                + (phase.equals("after") ? (i % 2 == 0 ? ", in Jira" : ", in ServiceNow") : "") + ")";
    }

    private static boolean cancelled(Item item) {
        Map<String, String> task = systems.task(item.sysId());
        boolean taskCancelled = "157".equals(task.get("state")) && "canceled".equals(task.get("close_code"));
        String status = systems.jiraIssue(item.key()).path("fields").path("status").path("name").asText();
        return taskCancelled || "Cancelled".equals(status);
    }
}
