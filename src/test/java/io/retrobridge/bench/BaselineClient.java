package io.retrobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline a sync service is compared with: a bare {@code java.net.http} client, in its own JVM, making the
 * fewest requests a hand-written copy job would: one Jira search per page of items (the fields a mapping reads and
 * the comments) and one ServiceNow create per item, with the same number of creates in hand at once and the same
 * pacing per system, parsing each answer as JSON and nothing more: no look-ups, no mapping, no store, no journal.
 * It prints one line: {@code baseline items=.. seconds=.. cpuMillis=.. jitCpuMillis=.. peakRssKb=.. requests=..}.
 *
 * <p>Arguments: jiraUrl jiraUser:token servicenowUrl servicenowUser:password items firstIssueNumber (unused: the
 * first {@code items} issues in created order are copied) workers
 * jiraRps servicenowRps
 */
public final class BaselineClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Issues per search page; Jira Cloud caps pages that carry comments at 100. */
    static final int PAGE = 100;
    private static final String ISSUE_FIELDS = "summary,description,status,priority,assignee,duedate,labels,updated,"
            + "project,issuetype,creator,comment";
    private static final String TASK_FIELDS = "short_description,description,state,close_code,impact,urgency,"
            + "assigned_to,due_date,number,correlation_id,sys_id,sys_updated_on,sys_mod_count";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String jira;
    private final String jiraAuth;
    private final String servicenow;
    private final String servicenowAuth;
    private final Pacer jiraPacer;
    private final Pacer servicenowPacer;
    private final AtomicLong requests = new AtomicLong();

    private BaselineClient(String[] args) {
        jira = args[0];
        jiraAuth = basic(args[1]);
        servicenow = args[2];
        servicenowAuth = basic(args[3]);
        jiraPacer = new Pacer(Double.parseDouble(args[7]));
        servicenowPacer = new Pacer(Double.parseDouble(args[8]));
    }

    public static void main(String[] args) throws Exception {
        BaselineClient client = new BaselineClient(args);
        int items = Integer.parseInt(args[4]);
        int workers = Integer.parseInt(args[6]);
        // Warm the JDK's HTTP client up as the connector is warmed by its start-up checks, then measure the work.
        client.get(client.jira + "/rest/api/3/myself", client.jiraAuth, client.jiraPacer);
        Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        Duration jitBefore = io.retrobridge.testsupport.ConnectorProcess.compilerCpuTime(ProcessHandle.current().pid());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new java.util.ArrayList<>();
        // Pages are read one after another while the creates of earlier pages run.
        String token = null;
        int queued = 0;
        while (queued < items) {
            JsonNode page = client.page(token);
            for (JsonNode issue : page.path("issues")) {
                if (queued == items) {
                    break;
                }
                queued++;
                done.add(pool.submit(() -> {
                    client.create(issue);
                    return null;
                }));
            }
            token = page.path("nextPageToken").asText(null);
            if (token == null || page.path("issues").isEmpty()) {
                break;
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore).toMillis();
        long jit = io.retrobridge.testsupport.ConnectorProcess.compilerCpuTime(ProcessHandle.current().pid())
                .minus(jitBefore).toMillis();
        System.out.println("baseline items=" + items + " seconds=" + seconds + " cpuMillis=" + cpu + " jitCpuMillis=" + jit
                + " peakRssKb="
                + peakRssKb() + " requests=" + client.requests.get());
    }

    /** One page of the items to copy, oldest first. */
    private JsonNode page(String token) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode()
                .put("jql", "project = PAY AND labels = \"retro-action\" ORDER BY created ASC, key ASC")
                .put("maxResults", PAGE);
        com.fasterxml.jackson.databind.node.ArrayNode fields = body.putArray("fields");
        for (String field : ISSUE_FIELDS.split(",")) {
            fields.add(field);
        }
        if (token != null) {
            body.put("nextPageToken", token);
        }
        return send(HttpRequest.newBuilder(URI.create(jira + "/rest/api/3/search/jql"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), jiraAuth, jiraPacer);
    }

    private void create(JsonNode issue) throws Exception {
        String correlationId = String.format("rb-b%s", issue.path("id").asText());
        String body = JSON.createObjectNode()
                .put("short_description", "Baseline " + issue.path("fields").path("summary").asText())
                .put("description", "Copied by the baseline client")
                .put("state", "151").put("impact", "2").put("urgency", "2")
                .put("problem_task_type", "general").put("correlation_id", correlationId).toString();
        send(HttpRequest.newBuilder(URI.create(servicenow + "/api/now/table/problem_task?sysparm_fields="
                + TASK_FIELDS)).POST(HttpRequest.BodyPublishers.ofString(body)), servicenowAuth, servicenowPacer);
    }

    private JsonNode get(String url, String auth, Pacer pacer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), auth, pacer);
    }

    /** Sends, waiting out a 429 as the connector does (Retry-After), and parses the answer. */
    private JsonNode send(HttpRequest.Builder builder, String auth, Pacer pacer) throws Exception {
        HttpRequest request = builder.header("Authorization", auth).header("Accept", "application/json")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build();
        while (true) {
            pacer.await();
            requests.incrementAndGet();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                Thread.sleep(1000L * Integer.parseInt(response.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Evenly spaced starts, as the connector's pacer does. */
    private static final class Pacer {
        private final long spacingNanos;
        private long next = Long.MIN_VALUE;

        Pacer(double perSecond) {
            spacingNanos = (long) (1_000_000_000L / perSecond);
        }

        void await() throws InterruptedException {
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                slot = Math.max(now, next);
                next = slot + spacingNanos;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
