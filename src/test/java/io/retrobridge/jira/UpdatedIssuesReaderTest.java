package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.CamelHttpSender;
import io.retrobridge.transport.OutboundSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jira Server/Data Center pages a search by {@code startAt}. A colleague edits an issue the poll has already
 * read while it reads the next page: the edited issue moves to the end of the order, everything after it moves
 * up by one, and offset paging steps over an issue nobody touched. The keyset reader reads every issue.
 */
class UpdatedIssuesReaderTest {

    private static final String BOT = "5b10a2844c20165700ede21g";
    private static final String PAT = "server-pat-456";
    private static final String TOKEN = "api-token-123";
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private static DefaultCamelContext camel;
    private static CamelHttpSender camelSender;

    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger searchesAnswered = new AtomicInteger();
    private JiraSandbox sandbox;
    private JiraClient colleague;
    private volatile Runnable afterSearch = () -> { };
    private volatile int editAfterSearch = 1;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        camelSender = new CamelHttpSender(camel, camel.createProducerTemplate());
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = new JiraSandbox(0, clock).start();
        sandbox.addUser(BOT, "RetroBridge", "bot@retrobridge.example", TOKEN);
        sandbox.addPersonalAccessToken(PAT, BOT);
        sandbox.seed().project("PAY", "Payments");
        JiraProperties cloud = new JiraProperties(sandbox.baseUrl(), "bot@retrobridge.example", TOKEN, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3));
        colleague = new JiraClient(JiraConnectionConfiguration.remoteSystem(cloud, camelSender::send), cloud);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A Server/Data Center client whose search answer number {@link #editAfterSearch} is followed by {@link #afterSearch}. */
    private JiraClient serverClient() {
        JiraProperties server = new JiraProperties(sandbox.baseUrl(), null, null, PAT, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3));
        OutboundSender editsBetweenPages = (target, request) -> {
            var response = camelSender.send(target, request);
            if (request.path().endsWith("/rest/api/2/search") && searchesAnswered.incrementAndGet() == editAfterSearch) {
                afterSearch.run();
            }
            return response;
        };
        return new JiraClient(JiraConnectionConfiguration.remoteSystem(server, editsBetweenPages), server);
    }

    private List<String> seed(int count, Duration apart) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            keys.add(sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Item " + i).labels("retro-action"), BOT));
            clock.advance(apart);
        }
        return keys;
    }

    private void editLater(String key) {
        afterSearch = () -> {
            clock.advance(Duration.ofMinutes(10));
            ObjectNode fields = JiraPayloads.JSON.createObjectNode().put("summary", "Edited during the poll");
            colleague.edit(key, fields);
        };
    }

    private static Jql scope() {
        return Jql.query().eq("project", "PAY").eq("labels", "retro-action");
    }

    private List<String> readByKeyset(int pageSize) {
        List<String> keys = new ArrayList<>();
        new UpdatedIssuesReader(serverClient(), pageSize).read(UpdatedIssuesReaderTest::scope, Instant.EPOCH,
                List.of("updated"), issue -> keys.add(issue.key()));
        return keys;
    }

    private List<String> readByOffset(int pageSize) {
        JiraClient server = serverClient();
        String jql = scope().atOrAfter("updated", Instant.EPOCH, java.time.ZoneOffset.UTC)
                .orderBy("updated", true).orderBy("key", true).build();
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            JiraSearchPage page = server.search(jql, List.of("updated"), token, pageSize);
            page.issues().forEach(issue -> keys.add(issue.key()));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return keys;
    }

    @Test
    void offsetPagingSkipsAnUntouchedIssueWhenAReadOneIsEditedBetweenPages() {
        List<String> keys = seed(7, Duration.ofMinutes(1));
        editLater(keys.get(0));

        List<String> read = readByOffset(3);

        // The scenario bites: this is what the poller used to do, and PAY-4 was never read.
        assertThat(read).doesNotContain(keys.get(3));
    }

    @Test
    void keysetPagingReadsEveryIssueWhenOneIsEditedBetweenPages() {
        List<String> keys = seed(7, Duration.ofMinutes(1));
        editLater(keys.get(0));

        List<String> read = readByKeyset(3);

        long lost = keys.stream().filter(k -> !read.contains(k)).count();
        long duplicates = read.size() - keys.size() - 1; // the edited issue is read again as its new version
        FaultReport.line("jira-server-poll-issue-edited-between-pages", 1, lost == 0 ? 1 : 0, 0, duplicates, lost);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(read).containsAll(keys);
        assertThat(read).containsOnlyOnce(keys.get(1), keys.get(2), keys.get(3), keys.get(6));
        assertThat(read.get(read.size() - 1)).as("the edited issue is read again, as its new version").isEqualTo(keys.get(0));
    }

    @Test
    void pagesWithinOneMinuteAreReadByIdAndStillMissNothing() {
        List<String> keys = seed(8, Duration.ofSeconds(2));
        editLater(keys.get(1));

        List<String> read = readByKeyset(3);

        assertThat(read).containsAll(keys);
        assertThat(read.stream().filter(keys.get(1)::equals)).as("read before and after its edit").hasSize(2);
        assertThat(read.stream().distinct()).hasSize(keys.size());
        assertThat(read).hasSize(keys.size() + 1);
    }

    @Test
    void anEditWhileACrowdedMinuteIsPagedThroughIsCaughtByTheNextPassOverIt() {
        List<String> keys = seed(8, Duration.ofSeconds(2));
        editAfterSearch = 3; // the first page of the pass over the crowded minute
        editLater(keys.get(0));

        List<String> read = readByKeyset(3);

        assertThat(read).containsAll(keys).hasSize(keys.size() + 1);
        assertThat(read.stream().distinct()).hasSize(keys.size());
    }

    @Test
    void withNothingEditedEveryIssueIsReadOnceInUpdateOrder() {
        List<String> keys = seed(10, Duration.ofSeconds(20));

        assertThat(readByKeyset(4)).containsExactlyElementsOf(keys);
    }
}
