package io.retrobridge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.mapping.CurrentMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin edits the mapping files of a running service: good edits take effect within seconds, broken ones
 * are refused while the last good mapping keeps working, and the admin API checks edits before saving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.mappings.reload-interval=1s",
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + MappingLiveReloadTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MappingLiveReloadTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Jd7sP1cY6bN0hF5g";
    static final Path SHIPPED = Path.of("mappings", "action-items.yaml");
    static final Path DIR = temporaryCopyOfShippedMappings();

    static final ActionItem CANARY_ITEM = new ActionItem("Add a canary stage to the payment pipeline", "",
            ActionStatus.OPEN, Priority.MEDIUM, null, null, Set.of(), Set.of(), null, null);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void mappingsDir(DynamicPropertyRegistry registry) {
        registry.add("retrobridge.mappings-dir", DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    CurrentMappings currentMappings;

    /** Each test starts from the shipped file in force and no refusal on record. */
    @BeforeEach
    void shippedMappingRunning() {
        save(shipped());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
            assertThat(json(get("/api/admin/mappings", ADMIN_KEY)).get("lastRefusal").isNull()).isTrue();
        });
    }

    @AfterAll
    static void removeCopy() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(DIR);
    }

    @Test
    @Order(1)
    void anEditedRuleTakesEffectWithoutARestart(CapturedOutput output) {
        save(withCanaryRule());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover"));
        assertThat(currentMappings.actionItems().classify(CANARY_ITEM, ExternalSystem.JIRA).releasePhase())
                .isEqualTo("cutover");
        JsonNode running = json(get("/api/admin/mappings", ADMIN_KEY));
        assertThat(running.get("rules").get(0).get("id").asText()).isEqualTo("canary-cutover");
        assertThat(running.get("rules").get(0).get("description").asText()).isEqualTo("Canary work belongs to the cutover");
        assertThat(running.get("rules")).hasSize(6);
        assertThat(output.getOut()).contains("mappings reloaded: 1 file, 6 rules");
    }

    @Test
    @Order(2)
    void aBrokenEditIsRefusedTheOldMappingKeepsWorkingAndTheRefusalIsVisible(CapturedOutput output) throws Exception {
        save(shipped().replace("  rules:\n    - id: hotfix-labelled", CANARY_RULE)
                .replace("    owner: servicenow", "    ownr: servicenow"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get("/api/admin/mappings", ADMIN_KEY)).get("lastRefusal").isNull()).isFalse());
        Thread.sleep(3000); // three more polls of the same broken file: none may log again
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");

        JsonNode refusal = json(get("/api/admin/mappings", ADMIN_KEY)).get("lastRefusal");
        List<String> messages = new ArrayList<>();
        refusal.get("problems").forEach(problem -> messages.add(problem.get("message").asText()));
        assertThat(messages).contains("unknown key `ownr`; did you mean `owner`?");
        JsonNode problem = refusal.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("action-items.yaml");
        assertThat(problem.get("line").asInt()).isPositive();

        JsonNode health = json(get("/actuator/health", ADMIN_KEY)).get("components").get("mappings");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").get("warning").asText()).contains("refused");
        assertThat(health.get("details").get("lastRefusal").get("problems").toString()).contains("ownr");

        for (JsonNode each : refusal.get("problems")) {
            String line = each.get("file").asText() + ":" + each.get("line").asInt() + ":" + each.get("column").asInt()
                    + ": ";
            assertThat(countWarnLinesContaining(output.getOut(), line + each.get("path").asText()))
                    .as("WARN lines for %s", line).isEqualTo(1);
        }

        save(withCanaryRule());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover"));
        assertThat(json(get("/api/admin/mappings", ADMIN_KEY)).get("lastRefusal").isNull()).isTrue();
        assertThat(json(get("/actuator/health", ADMIN_KEY)).get("components").get("mappings").get("details").has("lastRefusal"))
                .isFalse();
    }

    @Test
    @Order(3)
    void validateChecksAnEditWithoutChangingWhatRuns() {
        HttpResponse<String> valid = post("/api/admin/mappings/validate", ADMIN_KEY, "application/yaml", withCanaryRule());
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(json(valid).get("valid").asBoolean()).isTrue();
        assertThat(json(valid).get("rules").asInt()).isEqualTo(6);

        HttpResponse<String> invalid = post("/api/admin/mappings/validate?file=action-items.yaml", ADMIN_KEY, "text/plain",
                shipped().replace("conflict: park ", "conflict: parked "));
        assertThat(invalid.statusCode()).isEqualTo(422);
        JsonNode problem = json(invalid).get("problems").get(0);
        assertThat(json(invalid).get("valid").asBoolean()).isFalse();
        assertThat(problem.get("file").asText()).isEqualTo("action-items.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(shipped(), "conflict: park "));
        assertThat(problem.get("path").asText()).isEqualTo("fields.status.conflict");
        assertThat(problem.get("message").asText()).contains("`parked` is not allowed here");
        assertThat(problem.get("fix").asText()).isNotBlank();

        // Nothing changed: the running mapping and the file on disk are the shipped ones.
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
        assertThat(json(get("/api/admin/mappings", ADMIN_KEY)).get("rules")).hasSize(5);
        assertThat(readCopy()).isEqualTo(shipped());
    }

    @Test
    @Order(4)
    void validateWithoutABodyChecksTheFilesOnDisk() {
        HttpResponse<String> onDisk = post("/api/admin/mappings/validate", ADMIN_KEY, null, null);
        assertThat(onDisk.statusCode()).isEqualTo(200);
        assertThat(json(onDisk).get("files").get(0).asText()).isEqualTo("action-items.yaml");

        save(shipped().replace("    owner: servicenow", "    ownr: servicenow"));
        HttpResponse<String> broken = post("/api/admin/mappings/validate", ADMIN_KEY, null, null);
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("did you mean `owner`?");
    }

    @Test
    @Order(5)
    void validateRefusesHostileAndOversizedBodiesAndUnknownFiles() {
        HttpResponse<String> laughs = post("/api/admin/mappings/validate", ADMIN_KEY, "application/yaml", billionLaughs());
        assertThat(laughs.statusCode()).isEqualTo(422);
        assertThat(json(laughs).get("problems").get(0).get("message").asText()).contains("alias bomb");

        HttpResponse<String> tagged = post("/api/admin/mappings/validate", ADMIN_KEY, "application/yaml",
                "version: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
        assertThat(tagged.statusCode()).isEqualTo(422);
        assertThat(tagged.body()).contains("unknown tag");

        HttpResponse<String> huge = post("/api/admin/mappings/validate", ADMIN_KEY, "application/yaml",
                "# " + "x".repeat(MappingAdminController.MAX_BODY_BYTES) + "\n");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).get("error").asText()).contains("1 MiB");

        HttpResponse<String> unknownFile = post("/api/admin/mappings/validate?file=../secrets.yaml", ADMIN_KEY,
                "application/yaml", shipped());
        assertThat(unknownFile.statusCode()).isEqualTo(422);
        assertThat(json(unknownFile).get("problems").get(0).get("fix").asText()).contains("action-items.yaml");
    }

    @Test
    @Order(6)
    void onlyAdminsMayValidateOrReload() {
        assertThat(post("/api/admin/mappings/validate", VIEWER_KEY, "application/yaml", shipped()).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/admin/mappings/validate", null, "application/yaml", shipped()).statusCode()).isEqualTo(401);
        assertThat(post("/api/admin/mappings/reload", VIEWER_KEY, null, null).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/mappings", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/mappings", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void reloadNowAnswersWithTheProblemsOrTheNewMapping() {
        writeDirectly(shipped().replace("    owner: servicenow", "    ownr: servicenow"));
        HttpResponse<String> refused = post("/api/admin/mappings/reload", ADMIN_KEY, null, null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("unknown key `ownr`");
        assertThat(json(refused).get("running").get("rules")).hasSize(5);

        writeDirectly(withCanaryRule());
        HttpResponse<String> reloaded = post("/api/admin/mappings/reload", ADMIN_KEY, null, null);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(json(reloaded).get("rules").get(0).get("id").asText()).isEqualTo("canary-cutover");
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover");
    }

    @Test
    @Order(8)
    void escalationsAreCheckedReloadedAndShownLikeTheActionItemMapping() throws IOException {
        String escalations = Files.readString(SHIPPED.resolveSibling("escalations.yaml"));
        HttpResponse<String> valid = post("/api/admin/mappings/validate?file=escalations.yaml", ADMIN_KEY,
                "application/yaml", escalations);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(json(valid).get("files")).hasSize(2);
        assertThat(json(valid).get("escalation").get("ladders").asInt()).isEqualTo(2);
        assertThat(json(valid).get("escalation").get("boards").asInt()).isEqualTo(3);

        String broken = escalations.replace("recurrences: 3", "recurrences: 1");
        HttpResponse<String> invalid = post("/api/admin/mappings/validate?file=escalations.yaml", ADMIN_KEY,
                "application/yaml", broken);
        assertThat(invalid.statusCode()).isEqualTo(422);
        JsonNode problem = json(invalid).get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("escalations.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(broken, "recurrences: 1"));
        assertThat(problem.get("path").asText()).isEqualTo("systemic.recurrences");
        assertThat(Files.exists(DIR.resolve("escalations.yaml"))).as("checking saves nothing").isFalse();
        assertThat(json(get("/api/admin/mappings", ADMIN_KEY)).get("escalation").isNull()).isTrue();

        Files.writeString(DIR.resolve("escalations.yaml"), escalations);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(currentMappings.escalations()).isPresent());
            JsonNode running = json(get("/api/admin/mappings", ADMIN_KEY)).get("escalation");
            assertThat(running.get("ladders").get(0).get("id").asText()).isEqualTo("production-fixes");
            assertThat(running.get("ladders").get(0).get("steps").toString()).isEqualTo("[\"remind\",\"cab\"]");
            assertThat(running.get("boards").get(0).get("queue").asText()).isEqualTo("servicenow sc_task / CAB");
            JsonNode health = json(get("/actuator/health", ADMIN_KEY)).get("components").get("mappings").get("details");
            assertThat(health.get("escalation").get("ladders").asInt()).isEqualTo(2);
        } finally {
            Files.delete(DIR.resolve("escalations.yaml"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(currentMappings.escalations()).isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------

    static final String CANARY_RULE = String.join("\n",
            "  rules:",
            "    - id: canary-cutover",
            "      description: Canary work belongs to the cutover",
            "      when:",
            "        text: {contains: [canary]}",
            "      then: {release-phase: cutover}",
            "",
            "    - id: hotfix-labelled");

    private String ruleFor(ActionItem item) {
        return currentMappings.actionItems().classify(item, ExternalSystem.JIRA).ruleId();
    }

    private static String withCanaryRule() {
        String shipped = shipped();
        assertThat(shipped).contains("  rules:\n    - id: hotfix-labelled");
        return shipped.replace("  rules:\n    - id: hotfix-labelled", CANARY_RULE);
    }

    /** Nine aliases of nine aliases ...: a few hundred bytes that would expand to a billion strings. */
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    private static long countWarnLinesContaining(String log, String text) {
        return log.lines().filter(line -> line.contains(" WARN ") && line.contains(text)).count();
    }

    private static int lineOf(String content, String text) {
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String shipped() {
        try {
            return Files.readString(SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readCopy() {
        try {
            return Files.readString(DIR.resolve("action-items.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryCopyOfShippedMappings() {
        try {
            Path dir = Files.createTempDirectory("retrobridge-mappings");
            Files.copy(SHIPPED, dir.resolve("action-items.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file in one step, as editors that save through a temporary file do. */
    private static void save(String content) {
        try {
            Path temporary = DIR.resolve("action-items.yaml.saving");
            Files.writeString(temporary, content);
            Files.move(temporary, DIR.resolve("action-items.yaml"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the reload-now test: the poller may see it too, which changes nothing the test checks. */
    private static void writeDirectly(String content) {
        save(content);
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), key);
    }

    private HttpResponse<String> post(String path, String key, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

}
