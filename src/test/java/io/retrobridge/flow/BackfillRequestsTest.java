package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The requests a backfill of new items makes, counted by the simulators: each page is read once with the fields the
 * mapping needs and the comments, the copies of a page's items are looked up in one question, each copy is made with
 * one request, and nothing is read again just to be compared. A linked record keeps its fresh read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackfillRequestsTest {

    static final SandboxPair systems = new SandboxPair();
    static final int JIRA_ITEMS = 120;
    static final int SERVICENOW_ITEMS = 3;
    static final Pattern TASK_BY_SYS_ID = Pattern.compile("/api/now/table/problem_task/[0-9a-f]{32}");
    static final Pattern LOOKED_UP = Pattern.compile("rb-[0-9a-f]{12}");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    LinkStore links;

    private void pollBothAndDrain(boolean everything) {
        if (everything) {
            serviceNowPoller.pollAll();
            jiraPoller.pollAll();
        } else {
            serviceNowPoller.poll();
            jiraPoller.poll();
        }
        while (worker.drain() > 0) {
            // work the inbox down
        }
    }

    @Test
    void aBackfillOfNewItemsReadsEachPageOnceAndMakesEachCopyWithOneRequest() {
        // The demo items and the echoes of their copies first, so only the new items below are left to the backfill.
        pollBothAndDrain(false);
        pollBothAndDrain(false);
        // Ids and keys of the items nothing but their page may read; the first has a comment, copied by a follow-up.
        List<String> seeded = new ArrayList<>();
        for (int i = 1; i <= JIRA_ITEMS; i++) {
            String key = systems.jira.seed().issue(IssueSpec.of("PAY", "Task", "Counted item " + i)
                    .labels("retro-action"), "557058:beth-anglin");
            seeded.add(key);
            seeded.add(systems.jiraIssue(key).path("id").asText());
        }
        String commented = seeded.remove(0);
        String commentedId = seeded.remove(0);
        systems.jiraCall("POST", "/rest/api/3/issue/" + commented + "/comment", "{\"body\":{\"type\":\"doc\","
                + "\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Watch the error budget\"}]}]}}");
        for (int i = 1; i <= SERVICENOW_ITEMS; i++) {
            systems.createTask("Counted task " + i);
        }
        long linksBefore = links.count();
        systems.jira.requests().clear();
        systems.servicenow.requests().clear();

        pollBothAndDrain(true);

        assertThat(links.count()).isEqualTo(linksBefore + JIRA_ITEMS + SERVICENOW_ITEMS);
        String copyOfCommented = systems.taskTitled("Counted item 1").get("sys_id");
        assertThat(systems.servicenow.journal(copyOfCommented)).as("the comment the item had is copied")
                .anySatisfy(line -> assertThat(line.get("value")).contains("Watch the error budget"));
        List<RequestLog.Entry> jira = systems.jira.requests().all();
        List<RequestLog.Entry> servicenow = systems.servicenow.requests().all();

        assertThat(jira).as("no issue of the pages is read again, nor its comments")
                .filteredOn(e -> e.method().equals("GET") && seeded.stream().anyMatch(id -> e.path().endsWith("/issue/" + id)
                        || e.path().contains("/issue/" + id + "/")))
                .isEmpty();
        assertThat(jira).filteredOn(e -> e.method().equals("GET") && e.path().endsWith("/comment"))
                .as("only the item with a comment has its comments read, by the follow-up that copies them")
                .extracting(RequestLog.Entry::path).containsExactly("/rest/api/3/issue/" + commentedId + "/comment");
        long searches = jira.stream().filter(e -> e.path().endsWith("/search/jql")).count();
        assertThat(searches).as("Jira searches: pages and look-ups").isLessThanOrEqualTo(JIRA_ITEMS / 10);

        assertThat(servicenow).filteredOn(e -> e.method().equals("POST") && e.path().equals("/api/now/table/problem_task"))
                .as("one create per Jira item").hasSize(JIRA_ITEMS);
        assertThat(servicenow).filteredOn(e -> e.method().equals("GET") && TASK_BY_SYS_ID.matcher(e.path()).matches())
                .as("no ServiceNow record read again, but by the comment's follow-up")
                .extracting(RequestLog.Entry::path).containsOnly("/api/now/table/problem_task/" + copyOfCommented);
        assertThat(servicenow).filteredOn(e -> e.path().equals("/api/now/table/sys_journal_field"))
                .as("one journal query for the poll page's new records; the follow-up's read, and its look for the copy")
                .hasSize(3);
        // Jira's JQL compares times to the minute, so the poll re-reads the last minute of a page and the number of
        // pages depends on where the minute turned while the items were made.
        List<RequestLog.Entry> lookUps = servicenow.stream().filter(e -> e.method().equals("GET")
                && e.path().equals("/api/now/table/problem_task")
                && e.rawQuery().startsWith("sysparm_query=correlation_idIN")).toList();
        assertThat(lookUps).as("the look-ups of a Jira page's items are at most one query per page")
                .isNotEmpty().hasSizeLessThanOrEqualTo((int) searches);
        assertThat(lookUps.stream().flatMap(e -> LOOKED_UP.matcher(e.rawQuery()).results().map(m -> m.group()))
                .toList()).as("each item's copy is looked up once").doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(JIRA_ITEMS);
        assertThat((double) servicenow.size() / JIRA_ITEMS).as("ServiceNow requests per Jira item")
                .isLessThanOrEqualTo(1.1);
    }

    @Test
    void aLinkedRecordIsReadAgainWhenAPollFindsItChanged() {
        String key = systems.createJiraItem("Linked, then edited");
        String id = systems.jiraIssue(key).path("id").asText();
        pollBothAndDrain(false);
        pollBothAndDrain(false);
        assertThat(systems.tasksTitled("Linked, then edited")).isEqualTo(1);
        systems.editJira(key, "{\"summary\":\"Linked, then edited again\"}");
        systems.jira.requests().clear();

        pollBothAndDrain(false);

        assertThat(systems.tasksTitled("Linked, then edited again")).isEqualTo(1);
        assertThat(systems.jira.requests().all()).as("a poll page's copy of a linked record is not trusted")
                .filteredOn(e -> e.method().equals("GET") && e.path().endsWith("/issue/" + id)).isNotEmpty();
    }
}
