package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.CamelHttpSender;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteCallException.Failure;
import io.retrobridge.transport.RemoteSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The Table API client against the ServiceNow sandbox: what it sends, and what it makes of the answers. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceNowClientTest {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "sn-password-Kq81Lm";
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");
    static final List<String> TASK_FIELDS = List.of("short_description", "state", "assigned_to", "assigned_to.email",
            "correlation_id");

    final ObjectMapper json = new ObjectMapper();
    final MutableClock sandboxClock = new MutableClock(START);
    final MutableClock ourClock = new MutableClock(START);
    ServiceNowSandbox sandbox;
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    ServiceNowClient client;
    SeededRecord beth;
    SeededRecord problem;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, sandboxClock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
        beth = sandbox.seed().user("beth.anglin", "Beth Anglin", "beth.anglin@example.com");
        problem = sandbox.seed().problem(Map.of("short_description", "Checkout failures"));
        client = clientAs(USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    ServiceNowClient clientAs(String user, String password) {
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), user, password, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        RemoteSystem remote = ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), ourClock);
        return new ServiceNowClient(remote, ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, ourClock);
    }

    SeededRecord task(String description, String... more) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("short_description", description,
                "problem", problem.sysId()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return sandbox.seed().problemTask(fields);
    }

    ObjectNode fields(String... namesAndValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    static Map<String, List<String>> query(RequestLog.Entry entry) {
        return SandboxHttpServer.decodeQuery(entry.rawQuery());
    }

    // --- find ---

    @Test
    void findReadsRawValuesWithReferencesAsSysIdsAndOnlyTheFieldsAsked() {
        SeededRecord task = task("Add a canary stage", "assigned_to", "beth.anglin", "state", "154");

        ServiceNowRecord record = client.find("problem_task", task.sysId(), TASK_FIELDS).orElseThrow();

        assertThat(record.sysId()).isEqualTo(task.sysId());
        assertThat(record.updatedOn()).isEqualTo(START);
        assertThat(record.modCount()).isZero();
        assertThat(record.text("assigned_to")).isEqualTo(beth.sysId());
        assertThat(record.text("assigned_to.email")).isEqualTo("beth.anglin@example.com");
        assertThat(record.text("state")).isEqualTo("154");
        assertThat(record.fields().properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(TASK_FIELDS);
        assertThat(query(sandbox.requests().all().get(0)))
                .containsEntry("sysparm_fields", List.of("short_description,state,assigned_to,assigned_to.email,"
                        + "correlation_id,sys_id,sys_updated_on,sys_mod_count"))
                .containsEntry("sysparm_display_value", List.of("false"))
                .containsEntry("sysparm_exclude_reference_link", List.of("true"));
    }

    @Test
    void findIsEmptyWhenServiceNowHasNoSuchRecord() {
        assertThat(client.find("problem_task", "0123456789abcdef0123456789abcdef", List.of("state"))).isEmpty();
        assertThat(sandbox.requests().all()).singleElement().extracting(RequestLog.Entry::status).isEqualTo(404);
    }

    // --- create, correlation id, update ---

    @Test
    void createdRecordIsFoundByItsCorrelationIdExactlyOnce() {
        ServiceNowRecord created = client.create("problem_task", fields("short_description", "Alert on error rate",
                "problem", problem.sysId(), "correlation_id", "rb-7f3a2c", "assigned_to", "beth.anglin"));

        assertThat(created.text("correlation_id")).isEqualTo("rb-7f3a2c");
        assertThat(created.text("assigned_to")).as("user_name resolved to the user's sys_id").isEqualTo(beth.sysId());
        assertThat(sandbox.records("problem_task")).filteredOn(r -> r.get("correlation_id").equals("rb-7f3a2c"))
                .singleElement().satisfies(r -> assertThat(r.get("sys_id")).isEqualTo(created.sysId()));

        ServiceNowRecord found = client.findByCorrelationId("problem_task", "rb-7f3a2c", List.of("short_description"))
                .orElseThrow();
        assertThat(found.sysId()).isEqualTo(created.sysId());
        assertThat(found.text("short_description")).isEqualTo("Alert on error rate");
        assertThat(client.findByCorrelationId("problem_task", "rb-0000", List.of())).isEmpty();
        RequestLog.Entry lookup = sandbox.requests().all().stream()
                .filter(e -> e.method().equals("GET") && e.path().equals("/api/now/table/problem_task")).findFirst()
                .orElseThrow();
        assertThat(query(lookup)).containsEntry("sysparm_query", List.of("correlation_id=rb-7f3a2c^ORDERBYsys_created_on"));
    }

    @Test
    void findByCorrelationIdTakesTheOldestWhenSeveralRecordsCarryIt(CapturedOutput output) {
        SeededRecord first = task("first", "correlation_id", "rb-dup");
        sandboxClock.advance(Duration.ofMinutes(1));
        task("second", "correlation_id", "rb-dup");

        assertThat(client.findByCorrelationId("problem_task", "rb-dup", List.of()).orElseThrow().sysId())
                .isEqualTo(first.sysId());
        assertThat(output).contains("More than one problem_task record carries correlation id rb-dup");
    }

    @Test
    void updateWritesTheFieldsAndReadsBackTheNewVersion() {
        SeededRecord task = task("Write a runbook");
        sandboxClock.advance(Duration.ofMinutes(5));

        ServiceNowRecord updated = client.update("problem_task", task.sysId(),
                fields("short_description", "Write a rollback runbook", "assigned_to", "beth.anglin", "state", "154"));

        assertThat(updated.modCount()).isEqualTo(1);
        assertThat(updated.updatedOn()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        ServiceNowRecord readBack = client.find("problem_task", task.sysId(), TASK_FIELDS).orElseThrow();
        assertThat(readBack.text("short_description")).isEqualTo("Write a rollback runbook");
        assertThat(readBack.text("assigned_to")).isEqualTo(beth.sysId());
        assertThat(readBack.text("state")).isEqualTo("154");
        assertThat(readBack.modCount()).isEqualTo(1);
        assertThat(sandbox.record("problem_task", task.sysId()).orElseThrow()).containsEntry("assigned_to", beth.sysId());
        RequestLog.Entry patch = sandbox.requests().all().stream().filter(e -> e.method().equals("PATCH"))
                .findFirst().orElseThrow();
        assertThat(patch.path()).isEqualTo("/api/now/table/problem_task/" + task.sysId());
        assertThat(patch.body()).contains("\"assigned_to\":\"" + beth.sysId() + "\"");
        assertThat(query(patch)).containsEntry("sysparm_input_display_value", List.of("false"))
                .containsEntry("sysparm_fields", List.of("short_description,assigned_to,state,sys_id,sys_updated_on,"
                        + "sys_mod_count"));
    }

    @Test
    void sysIdsInReferenceFieldsPassThroughWithoutALookup() {
        SeededRecord task = task("Pin the SDK");

        client.update("problem_task", task.sysId(), fields("assigned_to", beth.sysId()));

        assertThat(sandbox.requests().all()).singleElement().extracting(RequestLog.Entry::method).isEqualTo("PATCH");
        assertThat(sandbox.record("problem_task", task.sysId()).orElseThrow()).containsEntry("assigned_to", beth.sysId());
    }

    @Test
    void anEmailAddressInAReferenceNamesTheUserWhenNoUserNameMatches() {
        SeededRecord task = task("Pin the SDK");

        ServiceNowRecord updated = client.update("problem_task", task.sysId(),
                fields("assigned_to", "beth.anglin@example.com"));

        assertThat(updated.text("assigned_to")).isEqualTo(beth.sysId());
        assertThatThrownBy(() -> client.update("problem_task", task.sysId(), fields("opened_by", "ghost@example.com")))
                .hasMessageContaining("opened_by names user 'ghost@example.com'")
                .hasMessageContaining("no user with that user_name or e-mail address");
    }

    @Test
    void unknownUserNameInAReferenceIsRefusedAndNothingIsWritten() {
        SeededRecord task = task("Pin the SDK");

        assertThatThrownBy(() -> client.update("problem_task", task.sysId(), fields("assigned_to", "no.such.person")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assigned_to").hasMessageContaining("no.such.person")
                .hasMessageContaining("nothing was sent");
        assertThat(sandbox.requests().successfulWrites("/api/now/table")).isZero();
    }

    // --- polling ---

    @Test
    void updatedSincePagesThroughEveryChangedRecordOnceInOrder() {
        Instant watermark = START.plusSeconds(10);
        sandboxClock.advance(Duration.ofSeconds(5));
        task("before the watermark");
        sandboxClock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 120; i++) {
            task("task " + i);
            if (i % 3 == 2) {
                sandboxClock.advance(Duration.ofSeconds(1)); // three per second: ties are ordered by sys_id
            }
            if (i % 10 == 0) {
                task("closed " + i, "state", "157"); // out of scope
            }
        }
        List<String> expected = sandbox.records("problem_task").stream()
                .filter(r -> r.get("short_description").startsWith("task "))
                .sorted(Comparator.<Map<String, String>, String>comparing(r -> r.get("sys_updated_on"))
                        .thenComparing(r -> r.get("sys_id")))
                .map(r -> r.get("sys_id")).toList();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        int offset = 0;
        ServiceNowPage page;
        do {
            page = client.updatedSince("problem_task", "active=true", watermark, List.of("short_description"), offset, 50);
            page.records().forEach(r -> seen.add(r.sysId()));
            pageSizes.add(page.records().size());
            more.add(page.hasMore());
            offset = page.nextOffset();
        } while (page.hasMore());

        assertThat(pageSizes).containsExactly(50, 50, 20);
        assertThat(more).containsExactly(true, true, false);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(offset).isEqualTo(120);
    }

    @Test
    void aFullPollMissesNothingWhenARecordIsUpdatedWhileItRuns() {
        sandboxClock.advance(Duration.ofSeconds(10));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            created.add(task("task " + i).sysId());
            if (i % 3 == 2) {
                sandboxClock.advance(Duration.ofSeconds(1));
            }
        }
        sandboxClock.advance(Duration.ofMinutes(1));
        // Between the first and second page someone edits a record the first page already returned.
        String edited = client.updatedSince("problem_task", null, START, List.of(), 0, 1).records().get(0).sysId();
        AtomicInteger polls = new AtomicInteger();
        CamelHttpSender wire = camel.sender();
        OutboundSender meddling = (target, request) -> {
            OutboundResponse response = wire.send(target, request);
            if (request.method().equals("GET") && polls.incrementAndGet() == 1) {
                client.update("problem_task", edited, fields("state", "154"));
            }
            return response;
        };
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), USER, PASSWORD, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceNowClient polling = new ServiceNowClient(
                ServiceNowConnectionConfiguration.remoteSystem(properties, meddling, ourClock),
                ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, ourClock);

        List<ServiceNowRecord> all = polling.allUpdatedSince("problem_task", "active=true", START, List.of("state"), 50);

        assertThat(all).extracting(ServiceNowRecord::sysId).containsAll(created).hasSize(121);
        assertThat(all).filteredOn(r -> r.sysId().equals(edited)).extracting(ServiceNowRecord::modCount)
                .containsExactly(0, 1);
        assertThat(all.get(all.size() - 1).text("state")).isEqualTo("154");
        assertThat(all).extracting(ServiceNowRecord::updatedOn).isSorted();
    }

    @Test
    void aFullPollStepsThroughASecondHoldingMoreThanAPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            created.add(task("same second " + i).sysId());
        }

        List<ServiceNowRecord> all = client.allUpdatedSince("problem_task", null, START.plusMillis(400), List.of(), 25);

        assertThat(all).extracting(ServiceNowRecord::sysId)
                .containsExactlyElementsOf(created.stream().sorted().toList());
        // One page from the watermark, then that second by sys_id: never an offset into a changing list.
        assertThat(sandbox.requests().all()).extracting(e -> query(e).get("sysparm_offset"))
                .containsOnly(List.of("0"));
        assertThat(sandbox.requests().all()).extracting(e -> query(e).get("sysparm_query").get(0))
                .anySatisfy(q -> assertThat(q).contains("sys_updated_on=2026-03-02 09:30:00^sys_id>")
                        .endsWith("ORDERBYsys_id"));
    }

    @Test
    void aSecondHoldingMoreThanAPageMissesNothingWhenARecordReadAlreadyIsEditedMidPoll() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            created.add(task("same second " + i).sysId());
        }
        List<String> bySysId = created.stream().sorted().toList();
        AtomicInteger gets = new AtomicInteger();
        CamelHttpSender wire = camel.sender();
        OutboundSender meddling = (target, request) -> {
            OutboundResponse response = wire.send(target, request);
            if (request.method().equals("GET") && gets.incrementAndGet() == 1) {
                sandboxClock.advance(Duration.ofMinutes(1));
                client.update("problem_task", bySysId.get(0), fields("state", "154"));
            }
            return response;
        };
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), USER, PASSWORD, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceNowClient polling = new ServiceNowClient(
                ServiceNowConnectionConfiguration.remoteSystem(properties, meddling, ourClock),
                ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, ourClock);

        List<ServiceNowRecord> all = polling.allUpdatedSince("problem_task", null, START, List.of("state"), 25);

        // With offset 25 into the changed list, the 26th record by sys_id would have been stepped over.
        long lost = created.stream().filter(id -> all.stream().noneMatch(r -> r.sysId().equals(id))).count();
        long duplicates = all.size() - created.size() - 1; // the edited record is read again as its new version
        io.retrobridge.testsupport.FaultReport.line("servicenow-poll-record-edited-within-a-full-second", 1,
                lost == 0 ? 1 : 0, 0, duplicates, lost);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(all).extracting(ServiceNowRecord::sysId).containsAll(created).hasSize(61);
        assertThat(all.get(all.size() - 1).sysId()).isEqualTo(bySysId.get(0));
        assertThat(all.get(all.size() - 1).text("state")).isEqualTo("154");
    }

    @Test
    void theWatermarkSecondItselfIsIncluded() {
        sandboxClock.advance(Duration.ofSeconds(59));
        SeededRecord justBefore = task("just before");
        sandboxClock.advance(Duration.ofSeconds(1));
        SeededRecord atTheMark = task("at the mark");
        sandboxClock.advance(Duration.ofSeconds(1));
        SeededRecord after = task("after");

        // Our watermark has milliseconds; ServiceNow keeps whole seconds, so 09:31:00.750 must still match 09:31:00.
        ServiceNowPage page = client.updatedSince("problem_task", null, START.plusSeconds(60).plusMillis(750),
                List.of(), 0, 10);

        assertThat(page.records()).extracting(ServiceNowRecord::sysId)
                .containsExactly(atTheMark.sysId(), after.sysId()).doesNotContain(justBefore.sysId());
        assertThat(page.hasMore()).isFalse();
        assertThat(page.records().get(0).updatedOn()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aPollSendsExactlyTheseParameters() {
        task("one");

        client.updatedSince("problem_task", "active=true^assignment_group.name=CAB",
                Instant.parse("2026-03-02T09:15:42.125Z"), List.of("short_description", "assigned_to.email"), 100, 50);

        RequestLog.Entry poll = sandbox.requests().all().get(0);
        assertThat(poll.method()).isEqualTo("GET");
        assertThat(poll.path()).isEqualTo("/api/now/table/problem_task");
        assertThat(poll.rawQuery()).isEqualTo("sysparm_query=active%3Dtrue%5Eassignment_group.name%3DCAB"
                + "%5Esys_updated_on%3E%3D2026-03-02%2009%3A15%3A42%5EORDERBYsys_updated_on%5EORDERBYsys_id"
                + "&sysparm_fields=short_description%2Cassigned_to.email%2Csys_id%2Csys_updated_on%2Csys_mod_count"
                + "&sysparm_display_value=false&sysparm_exclude_reference_link=true"
                + "&sysparm_limit=50&sysparm_offset=100");
        assertThat(query(poll)).containsEntry("sysparm_query", List.of("active=true^assignment_group.name=CAB"
                + "^sys_updated_on>=2026-03-02 09:15:42^ORDERBYsys_updated_on^ORDERBYsys_id"));
    }

    @Test
    void pollRefusesAScopeWithASecondQueryOrAnOddPage() {
        assertThatThrownBy(() -> client.updatedSince("problem_task", "active=true^NQactive=false", START, List.of(), 0, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("^NQ");
        assertThatThrownBy(() -> client.updatedSince("problem_task", null, START, List.of(), 0, 0))
                .hasMessageContaining("limit must be between 1 and 10000");
        assertThatThrownBy(() -> client.updatedSince("problem_task", null, START, List.of(), -1, 10))
                .hasMessageContaining("offset");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    // --- refusals before sending ---

    @Test
    void hostileCorrelationIdIsRefusedWithNothingSent() {
        task("victim", "correlation_id", "rb-1");

        assertThatThrownBy(() -> client.findByCorrelationId("problem_task", "x^ORactive=true", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation_id").hasMessageContaining("refused");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"problem_task/../sys_user", "Problem_Task", "problem_task?x=1", "", "9task"})
    void badTableNamesAreRefusedWithNothingSent(String table) {
        assertThatThrownBy(() -> client.find(table, "0123456789abcdef0123456789abcdef", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ServiceNow table name");
        assertThatThrownBy(() -> client.create(table, fields("short_description", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdeg",
            "../../sys_user/0123456789abcdef01"})
    void badSysIdsAreRefusedWithNothingSent(String sysId) {
        assertThatThrownBy(() -> client.find("problem_task", sysId, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ServiceNow sys_id");
        assertThatThrownBy(() -> client.addWorkNote("problem_task", sysId, "note"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ServiceNow sys_id");
        assertThatThrownBy(() -> client.journal("problem_task", sysId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ServiceNow sys_id");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void badFieldNamesAndValuesAreRefusedWithNothingSent() {
        SeededRecord task = task("x");
        assertThatThrownBy(() -> client.find("problem_task", task.sysId(), List.of("state,priority")))
                .hasMessageContaining("not a ServiceNow field name");
        assertThatThrownBy(() -> client.update("problem_task", task.sysId(), fields("assigned_to.email", "a@b.c")))
                .hasMessageContaining("dotted names cannot be written");
        ObjectNode nested = json.createObjectNode();
        nested.putObject("short_description").put("value", "x");
        assertThatThrownBy(() -> client.update("problem_task", task.sysId(), nested))
                .hasMessageContaining("short_description").hasMessageContaining("object");
        assertThatThrownBy(() -> client.addComment("problem_task", task.sysId(), "  "))
                .hasMessageContaining("needs text");
        assertThat(sandbox.requests().all()).isEmpty();
    }

    // --- journal ---

    @Test
    void workNotesAndCommentsLandInTheJournalOldestFirst() {
        SeededRecord task = task("Add a canary stage");
        sandboxClock.advance(Duration.ofMinutes(1));
        client.addWorkNote("problem_task", task.sysId(), "Canary stage drafted in the pipeline.\nSecond line.");
        sandboxClock.advance(Duration.ofMinutes(1));
        client.addComment("problem_task", task.sysId(), "Will be live on Friday.");
        SeededRecord other = task("Another task");
        client.addComment("problem_task", other.sysId(), "Not this one.");

        List<JournalLine> journal = client.journal("problem_task", task.sysId());

        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).element()).isEqualTo("work_notes");
        assertThat(journal.get(0).isWorkNote()).isTrue();
        assertThat(journal.get(0).value()).isEqualTo("Canary stage drafted in the pipeline.\nSecond line.");
        assertThat(journal.get(0).createdOn()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(journal.get(0).createdBy()).isEqualTo(USER);
        assertThat(journal.get(1).isComment()).isTrue();
        assertThat(journal.get(1).value()).isEqualTo("Will be live on Friday.");
        assertThat(journal.get(1).createdOn()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(journal).extracting(JournalLine::sysId).allMatch(TableApiNames::isSysId);
        assertThat(sandbox.journal(task.sysId())).hasSize(2);
        assertThat(sandbox.record("problem_task", task.sysId()).orElseThrow()).containsEntry("sys_mod_count", "2");
        RequestLog.Entry read = sandbox.requests().all().get(sandbox.requests().all().size() - 1);
        assertThat(read.path()).isEqualTo("/api/now/table/sys_journal_field");
        assertThat(query(read)).containsEntry("sysparm_query",
                List.of("element_id=" + task.sysId() + "^ORDERBYsys_created_on"))
                .containsEntry("sysparm_fields", List.of("sys_id,element,value,sys_created_on,sys_created_by"));
    }

    // --- users ---

    @Test
    void usersAreFoundByEmailAndUserNameAndRememberedUntilForgotten() {
        assertThat(client.userSysIdByEmail("beth.anglin@example.com")).contains(beth.sysId());
        assertThat(client.userSysIdByUserName("beth.anglin")).contains(beth.sysId());
        assertThat(client.userSysIdByUserName("nobody.here")).isEmpty();
        assertThat(client.userSysIdByEmail("nobody@example.com")).isEmpty();
        int asked = sandbox.requests().all().size();
        assertThat(asked).isEqualTo(4);

        assertThat(client.userSysIdByEmail("beth.anglin@example.com")).contains(beth.sysId());
        assertThat(client.userSysIdByUserName("nobody.here")).isEmpty();
        assertThat(sandbox.requests().all()).as("answered from the cache").hasSize(asked);

        SeededRecord late = sandbox.seed().user("nobody.here", "Now Somebody", "");
        client.forgetCachedUsers();
        assertThat(client.userSysIdByUserName("nobody.here")).contains(late.sysId());
        RequestLog.Entry byEmail = sandbox.requests().all().get(0);
        assertThat(byEmail.path()).isEqualTo("/api/now/table/sys_user");
        assertThat(query(byEmail)).containsEntry("sysparm_query", List.of("email=beth.anglin@example.com^active=true"))
                .containsEntry("sysparm_fields", List.of("sys_id"));
    }

    @Test
    void cachedUserAnswersExpire() {
        assertThat(client.userSysIdByUserName("beth.anglin")).contains(beth.sysId());
        ourClock.advance(ServiceNowClient.USER_CACHE_LIFETIME.plusSeconds(1));
        assertThat(client.userSysIdByUserName("beth.anglin")).contains(beth.sysId());
        assertThat(sandbox.requests().all()).hasSize(2);
    }

    @Test
    void anEmailSharedByTwoActiveUsersNamesNobody() {
        sandbox.seed().user("beth.anglin2", "Beth Anglin (test)", "beth.anglin@example.com");

        assertThat(client.userSysIdByEmail("beth.anglin@example.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"beth^ORactive=true", "a@b.c^ORactive=true", "javascript:gs.getUserID()", "x@y"})
    void hostileUserLookupsAreRefusedWithNothingSent(String hostile) {
        assertThatThrownBy(() -> client.userSysIdByEmail(hostile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.userSysIdByUserName(hostile)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requests().all()).isEmpty();
    }

    // --- errors ---

    @Test
    void refusedCredentialsSurfaceWithServiceNowsMessageAndNoSecret() {
        ServiceNowClient wrong = clientAs(USER, "not-the-password-Zz9");

        assertThatThrownBy(() -> wrong.find("problem_task", "0123456789abcdef0123456789abcdef", List.of()))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("ServiceNow GET /api/now/table/problem_task/")
                            .contains("401").contains("User Not Authenticated")
                            .doesNotContain("not-the-password-Zz9").doesNotContain(PASSWORD);
                });
    }

    @Test
    void serviceNowErrorBodiesSurfaceWithTheirMessage() {
        assertThatThrownBy(() -> client.find("u_retro_actions", "0123456789abcdef0123456789abcdef", List.of()))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CLIENT_ERROR);
                    assertThat(e.status()).hasValue(400);
                    assertThat(e.getMessage()).contains("Invalid table u_retro_actions");
                });

        sandbox.faults().failNext(1, 500);
        assertThatThrownBy(() -> client.updatedSince("problem_task", null, START, List.of(), 0, 10))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure().isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("500").contains("Injected failure 500");
                });

        sandbox.rateLimitNext(1, 7);
        assertThatThrownBy(() -> client.userSysIdByUserName("beth.anglin"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).contains("Rate limit exceeded").contains("retry after 7 s");
                });
    }

    @Test
    void updatingAMissingRecordSaysSo() {
        assertThatThrownBy(() -> client.update("problem_task", "0123456789abcdef0123456789abcdef",
                fields("state", "154")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
                    assertThat(e.getMessage()).contains("No Record found");
                });
    }

    @Test
    void aWriteWithoutTheRoleSurfacesServiceNowsAclMessage() {
        sandbox.addUser("reader", "reader-pass-Jj2", "sn_problem_read");
        SeededRecord task = task("x");

        assertThatThrownBy(() -> clientAs("reader", "reader-pass-Jj2").addWorkNote("problem_task", task.sysId(), "hi"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Operation Failed")
                            .contains("ACL Exception Update Failed due to security constraints");
                });
        assertThat(sandbox.journal(task.sysId())).isEmpty();
    }
}
