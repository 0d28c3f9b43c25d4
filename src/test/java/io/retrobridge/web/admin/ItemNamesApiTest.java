package io.retrobridge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Why?" asked with the names people see: a Jira key or a ServiceNow number finds the item's whole history,
 * both sides of its link, in the journal, the preview and the dead letters; a name without history is a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ItemNamesApiTest {

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    LinkStore links;

    @Autowired
    Journal journal;

    @Autowired
    DeadLetterStore deadLetters;

    KeyedApi api;

    @BeforeEach
    void syncEverything() {
        api = new KeyedApi(port);
        for (int round = 0; round < 2; round++) {
            serviceNowPoller.poll();
            jiraPoller.poll();
            while (worker.drain() > 0) {
                // until the inbox is empty (the second round takes the echoes of our own writes)
            }
        }
    }

    @Test
    void theJournalByJiraKeyIsTheWholeTwoSidedHistoryOfTheLink() {
        String key = systems.jiraKeys.get("contractTests");
        Link link = linkOfJiraKey(key);
        String issueId = link.idOn(ExternalSystem.JIRA).orElseThrow();
        String sysId = link.idOn(ExternalSystem.SERVICENOW).orElseThrow();
        assertThat(journal.forSubject(new ExternalRef(ExternalSystem.JIRA, key), 50))
                .as("the journal keeps ids, not keys").isEmpty();

        JsonNode byKey = journalOf("jira", key);

        assertThat(byKey.get("id").asText()).isEqualTo(key);
        assertThat(byKey.get("linkId").asText()).isEqualTo(link.id().toString());
        assertThat(byKey.get("sides").get("jira").asText()).isEqualTo(issueId);
        assertThat(byKey.get("sides").get("servicenow").asText()).isEqualTo(sysId);
        assertThat(entryIds(byKey)).isEqualTo(everyEntryOf(link)).isNotEmpty();
        assertThat(subjects(byKey)).contains("jira:" + issueId, "servicenow:" + sysId);
        assertThat(entryIds(journalOf("jira", issueId))).isEqualTo(entryIds(byKey));
        assertThat(entryIds(journalOf("servicenow", sysId))).isEqualTo(entryIds(byKey));
    }

    @Test
    void theJournalByServiceNowNumberIsTheSameHistoryAsBySysIdOrByTheJiraKey() {
        SeededRecord canary = systems.serviceNowTasks.get("canary");
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, canary.sysId())).orElseThrow();

        JsonNode byNumber = journalOf("servicenow", canary.number());

        assertThat(byNumber.get("sides").get("servicenow").asText()).isEqualTo(canary.sysId());
        assertThat(entryIds(byNumber)).isEqualTo(everyEntryOf(link)).isNotEmpty();
        assertThat(entryIds(journalOf("servicenow", canary.sysId()))).isEqualTo(entryIds(byNumber));
        assertThat(entryIds(journalOf("jira", byNumber.get("sides").get("jira").asText()))).isEqualTo(entryIds(byNumber));
    }

    @Test
    void aNameWithoutHistoryIsAnUnknownItemWithTheReason() {
        HttpResponse<String> noIssue = api.get("/api/admin/journal?system=jira&id=PAY-999", AdminApi.ADMIN_KEY);
        HttpResponse<String> noTask = api.get("/api/admin/journal?system=servicenow&id=PTASK9999999", AdminApi.ADMIN_KEY);

        KeyedApi.assertError(noIssue, 404, "unknown item: Jira has no issue 'PAY-999'");
        KeyedApi.assertError(noTask, 404, "unknown item: ServiceNow has no record 'PTASK9999999'");
        KeyedApi.assertError(api.get("/api/admin/dead-letters?system=jira&id=PAY-999", AdminApi.ADMIN_KEY), 404,
                "unknown item");
    }

    @Test
    void theDeadLettersOfAnItemAreFoundByItsKeyOnEitherSide() {
        String key = systems.jiraKeys.get("contractTests");
        Link link = linkOfJiraKey(key);
        String issueId = link.idOn(ExternalSystem.JIRA).orElseThrow();
        String sysId = link.idOn(ExternalSystem.SERVICENOW).orElseThrow();
        Instant now = Instant.now();
        DeadLetter jiraSide = deadLetters.park(DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA,
                "jira:issue_updated", issueId, "jira:" + issueId + ":" + now, now, "{}"), "HTTP 500", 5, now));
        DeadLetter serviceNowSide = deadLetters.park(DeadLetter.park(InboundEvent.received(ExternalSystem.SERVICENOW,
                "servicenow:poll", sysId, "sn:" + sysId + ":" + now, now, "{}"), "HTTP 500", 5, now.plusSeconds(1)));
        DeadLetter otherItem = deadLetters.park(DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA,
                "jira:issue_updated", "99999", "jira:99999:" + now, now, "{}"), "HTTP 500", 5, now));

        HttpResponse<String> response = api.get("/api/admin/dead-letters?system=jira&id=" + key, AdminApi.ADMIN_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        KeyedApi.json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).contains(jiraSide.id().toString(), serviceNowSide.id().toString())
                .doesNotContain(otherItem.id().toString());
    }

    @Test
    void thePreviewTakesAServiceNowNumber() {
        SeededRecord canary = systems.serviceNowTasks.get("canary");

        HttpResponse<String> response = api.get("/api/admin/mappings/preview?system=servicenow&id=" + canary.number(),
                AdminApi.ADMIN_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(KeyedApi.json(response).get("id").asText()).isEqualTo(canary.sysId());
        KeyedApi.assertError(api.get("/api/admin/mappings/preview?system=servicenow&id=PTASK9999999",
                AdminApi.ADMIN_KEY), 404, "unknown item");
    }

    private JsonNode journalOf(String system, String id) {
        HttpResponse<String> response = api.get("/api/admin/journal?system=" + system + "&id=" + id + "&limit=500",
                AdminApi.ADMIN_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return KeyedApi.json(response);
    }

    private Link linkOfJiraKey(String key) {
        String issueId = systems.jiraIssue(key).get("id").asText();
        return links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issueId)).orElseThrow();
    }

    /** What the store holds about the link: its entries and those about either of its records. */
    private Set<Long> everyEntryOf(Link link) {
        Set<Long> ids = journal.forLink(link.id()).stream().map(JournalEntry::id).collect(Collectors.toSet());
        for (ExternalSystem side : ExternalSystem.values()) {
            link.refOn(side).ifPresent(ref -> journal.forSubject(ref, 500).forEach(entry -> ids.add(entry.id())));
        }
        return ids;
    }

    private static Set<Long> entryIds(JsonNode view) {
        Set<Long> ids = new HashSet<>();
        view.get("entries").forEach(entry -> ids.add(entry.get("id").asLong()));
        return ids;
    }

    private static List<String> subjects(JsonNode view) {
        return java.util.stream.StreamSupport.stream(view.get("entries").spliterator(), false)
                .map(entry -> entry.get("subjectSystem").asText() + ":" + entry.get("subjectId").asText()).toList();
    }
}
