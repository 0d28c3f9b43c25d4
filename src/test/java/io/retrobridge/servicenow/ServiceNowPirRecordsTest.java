package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummaryText;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.PirExamples;
import io.retrobridge.testsupport.SandboxPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PIR summary on a change request in the ServiceNow simulator: note once, fields and appendix in place. */
class ServiceNowPirRecordsTest {

    private static final String PEOPLES_NOTES = "Deployed in the 02:00 window.\nSmoke tests passed; error budget burnt.";

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final SandboxPair pair = SandboxPair.shared();

    private ServiceNowClient client() {
        ServiceNowProperties properties = new ServiceNowProperties(pair.servicenow.baseUrl(), SandboxPair.SYNC_USER,
                SandboxPair.SYNC_PASSWORD, null, null, "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new ServiceNowClient(ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(),
                Clock.systemUTC()), ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, Clock.systemUTC());
    }

    private ServiceNowPirRecords records(String commentText) throws Exception {
        Path dir = Files.createTempDirectory("pir-mappings");
        String actionItems = Files.readString(Path.of("mappings", "action-items.yaml"));
        Files.writeString(dir.resolve("action-items.yaml"), actionItems.replace("  text: html\n", "  text: " + commentText
                + "\n"));
        return new ServiceNowPirRecords(client(),
                new CurrentMappings(new MappingLoader(TextFormatConverters.standard()).load(dir)));
    }

    private ChangeRecord newChange(String closeNotes) {
        SeededRecord seeded = pair.servicenow.seed().changeRequest(Map.of("short_description", "Checkout 4.2.0",
                "close_notes", closeNotes));
        return PirExamples.change(seeded.sysId(), seeded.number(), closeNotes);
    }

    private Map<String, String> stored(ChangeRecord change) {
        return pair.servicenow.record("change_request", change.sysId()).orElseThrow();
    }

    private List<Map<String, String>> workNotes(ChangeRecord change) {
        return pair.servicenow.journal(change.sysId()).stream().filter(e -> "work_notes".equals(e.get("element")))
                .toList();
    }

    private long patches(ChangeRecord change) {
        return pair.servicenow.requests().all().stream().filter(e -> e.method().equals("PATCH")
                && e.path().endsWith("/change_request/" + change.sysId()) && e.status() == 200).count();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theFirstCollectionWritesTheNoteTheFieldsAndTheAppendixInOnePatch() throws Exception {
        ChangeRecord change = newChange(PEOPLES_NOTES);
        PirSummary summary = PirExamples.summary(change.number(), 1, 0.0740);

        Optional<String> note = records("html").write(change, summary, PirExamples.mapping("u_pir_summary", null, null),
                Optional.empty());

        assertThat(note).contains("[rb-pir change:" + change.number() + "]");
        assertThat(patches(change)).isEqualTo(1);
        Map<String, String> stored = stored(change);
        assertThat(stored.get("u_pir_error_rate")).isEqualTo("0.0099 -> 0.0740 (+647.5%), degraded");
        assertThat(stored.get("u_pir_latency_p95")).isEqualTo("0.2100 -> 0.2200 (+4.8%), ok");
        assertThat(stored.get("u_pir_throughput")).isEqualTo("n/a -> n/a, no data: no samples in the before window");
        assertThat(stored.get("u_pir_summary")).isEqualTo(PirSummaryText.plain(summary))
                .contains("Error rate (ratio) | 0.0099 | 0.0740 | +647.5% | degraded");
        assertThat(stored.get("close_notes")).startsWith(PEOPLES_NOTES + "\n\n--- PIR figures (RetroBridge) ---\n"
                + PirSummaryText.HEADING).endsWith("\n--- end of PIR figures ---");
        List<Map<String, String>> notes = workNotes(change);
        assertThat(notes).singleElement().satisfies(entry -> {
            String value = entry.get("value");
            assertThat(value).startsWith(note.get() + "\n[code]<h3>" + PirSummaryText.HEADING + "</h3>")
                    .endsWith("[/code]")
                    .contains("<th>Metric</th><th>Before</th><th>After</th><th>Change</th><th>Verdict</th>")
                    .contains("<td>Error rate (ratio)</td><td>0.0099</td><td>0.0740</td><td>+647.5%</td>"
                            + "<td>degraded</td>")
                    .contains("<a href=\"" + PirExamples.PROMETHEUS + "sum%28rate%28http_requests_total%5B5m%5D%29%29\">"
                            + "Error rate</a>")
                    .contains("uncovered failure mode: config-drift is named by an action item");
            assertThat(entry.get("sys_created_by")).isEqualTo(SandboxPair.SYNC_USER);
        });
    }

    @Test
    void aLaterCollectionUpdatesFieldsAndAppendixInPlaceAndAddsNoSecondNote() throws Exception {
        ChangeRecord change = newChange(PEOPLES_NOTES);
        ServiceNowPirRecords records = records("html");
        PirMetricsMapping mapping = PirExamples.mapping("u_pir_summary", null, null);
        Optional<String> first = records.write(change, PirExamples.summary(change.number(), 1, 0.0740), mapping,
                Optional.empty());

        PirSummary again = PirExamples.summary(change.number(), 2, 0.0500);
        Optional<String> second = records.write(change, again, mapping, first);

        assertThat(second).isEqualTo(first);
        assertThat(workNotes(change)).hasSize(1);
        Map<String, String> stored = stored(change);
        assertThat(stored.get("u_pir_error_rate")).isEqualTo("0.0099 -> 0.0500 (+405.1%), degraded");
        assertThat(stored.get("u_pir_summary")).isEqualTo(PirSummaryText.plain(again));
        String closeNotes = stored.get("close_notes");
        assertThat(closeNotes).startsWith(PEOPLES_NOTES + "\n\n--- PIR figures (RetroBridge) ---\n")
                .contains("(collection 2)").doesNotContain("(collection 1)").contains("| 0.0500 |");
        assertThat(occurrences(closeNotes, "--- PIR figures (RetroBridge) ---")).isEqualTo(1);
        assertThat(occurrences(closeNotes, "--- end of PIR figures ---")).isEqualTo(1);
    }

    @Test
    void closeNotesPeopleAddAfterTheAppendixStayWhenItIsReplaced() throws Exception {
        ChangeRecord change = newChange(PEOPLES_NOTES);
        ServiceNowPirRecords records = records("html");
        PirMetricsMapping mapping = PirExamples.mapping("u_pir_summary", null, null);
        Optional<String> note = records.write(change, PirExamples.summary(change.number(), 1, 0.0740), mapping,
                Optional.empty());
        String edited = stored(change).get("close_notes") + "\n\nRolled back at 06:10 by the on-call.";
        pair.servicenowCall("PATCH", "/api/now/table/change_request/" + change.sysId(),
                "{\"close_notes\":" + SandboxPair.quote(edited) + "}");

        records.write(change, PirExamples.summary(change.number(), 2, 0.0600), mapping, note);

        String closeNotes = stored(change).get("close_notes");
        assertThat(closeNotes).startsWith(PEOPLES_NOTES + "\n\n--- PIR figures (RetroBridge) ---\n")
                .endsWith("--- end of PIR figures ---\n\nRolled back at 06:10 by the on-call.")
                .contains("| 0.0600 |").doesNotContain("| 0.0740 |");
    }

    @Test
    void aNoteWrittenButNotRememberedIsFoundByItsMarkerAndNotWrittenAgain() throws Exception {
        ChangeRecord change = newChange("");
        ServiceNowPirRecords records = records("html");
        PirMetricsMapping mapping = PirExamples.mapping("u_pir_summary", null, null);
        Optional<String> written = records.write(change, PirExamples.summary(change.number(), 1, 0.0740), mapping,
                Optional.empty());

        // The collection crashed before it kept what write answered: the next one knows of no note.
        Optional<String> again = records.write(change, PirExamples.summary(change.number(), 2, 0.0740), mapping,
                Optional.empty());

        assertThat(again).isEqualTo(written);
        assertThat(workNotes(change)).hasSize(1);
        assertThat(stored(change).get("close_notes")).startsWith("--- PIR figures (RetroBridge) ---\n")
                .contains("(collection 2)");
    }

    @Test
    void aMarkerSomeoneElseWroteIsNotTakenForOurNote() throws Exception {
        ChangeRecord change = newChange("");
        pair.servicenowCall("PATCH", "/api/now/table/change_request/" + change.sysId(),
                "{\"work_notes\":" + SandboxPair.quote("[rb-pir change:" + change.number() + "]\nplanted") + "}");

        records("html").write(change, PirExamples.summary(change.number(), 1, 0.0740),
                PirExamples.mapping("u_pir_summary", null, null), Optional.empty());

        assertThat(workNotes(change)).hasSize(2);
    }

    @Test
    void hostileTitlesAlertNamesAndReasonsStayText() throws Exception {
        ChangeRecord change = newChange(PEOPLES_NOTES);
        String title = "Errors <script>alert(1)</script> [/code]<img src=x onerror=alert(2)>[code]";
        String alert = "HighErrorRate [code]<a href=\"javascript:alert(3)\">x</a>[/code]";
        String reason = "Prometheus answered 503\n--- end of PIR figures ---\n--- PIR figures (RetroBridge) ---";
        ServiceNowPirRecords records = records("html");
        PirMetricsMapping mapping = PirExamples.mapping("u_pir_summary", null, null);

        Optional<String> note = records.write(change, PirExamples.summary(change.number(), 1, 0.0740, title, alert,
                reason), mapping, Optional.empty());
        records.write(change, PirExamples.summary(change.number(), 2, 0.0740, title, alert, null), mapping, note);

        String value = workNotes(change).get(0).get("value");
        assertThat(occurrences(value.toLowerCase(), "[code]")).isEqualTo(1);
        assertThat(occurrences(value.toLowerCase(), "[/code]")).isEqualTo(1);
        assertThat(value).doesNotContain("<script", "<img", "<a href=\"javascript")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String closeNotes = stored(change).get("close_notes");
        assertThat(closeNotes.lines().filter(line -> line.equals("--- end of PIR figures ---"))).hasSize(1);
        assertThat(closeNotes.lines().filter(line -> line.equals("--- PIR figures (RetroBridge) ---"))).hasSize(1);
        assertThat(closeNotes).startsWith(PEOPLES_NOTES + "\n\n");
        // A plain string field shows text as it is; only the journal renders [code].
        assertThat(stored(change).get("u_pir_summary")).contains("Errors <script>alert(1)</script>");
    }

    @Test
    void incompleteFiguresWaitForTheNoteAndShowWhereTheyCanBeReplaced() throws Exception {
        ChangeRecord change = newChange(PEOPLES_NOTES);
        String reason = "Prometheus answered 503\n--- end of PIR figures ---\n--- PIR figures (RetroBridge) ---";
        ServiceNowPirRecords records = records("html");
        PirMetricsMapping mapping = PirExamples.mapping("u_pir_summary", null, null);

        Optional<String> note = records.write(change, PirExamples.summary(change.number(), 1, 0.0740, "Error rate",
                "HighErrorRate fired", reason), mapping, Optional.empty());

        assertThat(note).as("no note kept yet: the next collection may write it").isEmpty();
        assertThat(workNotes(change)).isEmpty();
        String closeNotes = stored(change).get("close_notes");
        assertThat(closeNotes.lines().filter(line -> line.equals("--- end of PIR figures ---"))).hasSize(1);
        assertThat(closeNotes).startsWith(PEOPLES_NOTES + "\n\n").contains("Incomplete: Prometheus answered 503 --- end");
        assertThat(stored(change).get("u_pir_summary")).contains("Incomplete: Prometheus answered 503");

        Optional<String> later = records.write(change, PirExamples.summary(change.number(), 2, 0.0740, "Error rate",
                "HighErrorRate fired", null), mapping, note);

        assertThat(later).isPresent();
        assertThat(workNotes(change)).singleElement().satisfies(line -> assertThat(line.get("value"))
                .contains("0.0740").doesNotContain("Incomplete"));
        assertThat(stored(change).get("close_notes")).doesNotContain("Incomplete");
    }

    @Test
    void wherePeopleGetPlainTextCopiesTheNoteIsPlainTextToo() throws Exception {
        ChangeRecord change = newChange("");
        PirSummary summary = PirExamples.summary(change.number(), 1, 0.0740, "Error rate [code]<b>x</b>[/code]",
                "HighErrorRate fired", null);

        records("plain").write(change, summary, PirExamples.mapping("u_pir_summary", null, null), Optional.empty());

        String value = workNotes(change).get(0).get("value");
        assertThat(value).startsWith("[rb-pir change:" + change.number() + "]\n" + PirSummaryText.HEADING + "\n")
                .contains("Metric | Before | After | Change | Verdict")
                .doesNotContainIgnoringCase("[code]");
    }

    @Test
    void aFieldTheInstanceDoesNotHaveIsIgnoredAsTheTableApiIgnoresIt() throws Exception {
        ChangeRecord change = newChange("");
        PirMetricsMapping mapping = PirExamples.mapping(new PirMetricsMapping.Destinations(
                new PirMetricsMapping.ServiceNowDestination(false, false, "u_pir_not_on_this_instance"), null),
                "u_pir_error_rate", null);

        Optional<String> note = records("html").write(change, PirExamples.summary(change.number(), 1, 0.0740),
                mapping, Optional.empty());

        assertThat(note).isEmpty();
        assertThat(workNotes(change)).isEmpty();
        assertThat(stored(change)).doesNotContainKey("u_pir_not_on_this_instance")
                .containsEntry("u_pir_error_rate", "0.0099 -> 0.0740 (+647.5%), degraded")
                .containsEntry("close_notes", "");
    }
}
