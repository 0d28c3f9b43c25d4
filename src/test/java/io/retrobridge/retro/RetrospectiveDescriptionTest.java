package io.retrobridge.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.RetrospectiveTrigger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrospectiveDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final RetrospectiveDescription.ServiceNowRecord PROBLEM = new RetrospectiveDescription.ServiceNowRecord(
            "PRB0040007", "https://sn.example/nav_to.do?uri=problem.do%3Fsys_id%3Dabc", null);

    private static RetrospectiveTrigger trigger(List<String> mandatory, List<String> optional) {
        return new RetrospectiveTrigger("change:CHG0030001", "failed-production-change", "deep-dive", mandatory,
                optional, "change CHG0030001 closed unsuccessful", "payment-gateway", "production", "4.2",
                "CHG0030001", "payments", LocalDate.of(2026, 11, 27), T0.plusSeconds(7200),
                List.of("change:CHG0030001"));
    }

    private static Deployment run(String runId, String pipeline, String version, Instant started, Instant finished,
                                  DeploymentResult result, boolean rollback, String url) {
        return new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, "payment-gateway", "production", version,
                null, pipeline, url, started, finished, result, rollback, "CHG0030001");
    }

    @Test
    void theTemplateHasTheChecklistTheTimelineInTimeOrderAndEverySectionMarked() throws Exception {
        List<Deployment> runs = List.of(
                // given out of order: the rollback first, the failed deploy second
                run("r2", "deploy-prod", "4.1", T0.plusSeconds(1800), T0.plusSeconds(1925), DeploymentResult.SUCCESS,
                        true, null),
                run("r1", "deploy-prod", "4.2", T0.plusSeconds(600), T0.plusSeconds(4265), DeploymentResult.FAILURE,
                        false, "https://ci.example/runs/1"),
                run("r0", "build", "4.2", null, T0.plusSeconds(300), DeploymentResult.SUCCESS, false, null));
        List<ChangeStateMove> moves = List.of(
                new ChangeStateMove("CHG0030001", ChangeState.IMPLEMENT, ChangeState.REVIEW, T0.plusSeconds(2400)),
                new ChangeStateMove("CHG0030001", null, ChangeState.IMPLEMENT, T0));

        JsonNode adf = RetrospectiveDescription.render(trigger(List.of("root-cause", "action_items"),
                List.of("Lessons learned")), PROBLEM, runs, moves);

        assertThat(adf).isEqualTo(JSON.readTree("""
                {"type":"doc","version":1,"content":[
                 {"type":"paragraph","content":[{"type":"text","text":"Opened by RetroBridge: change CHG0030001 closed unsuccessful (rule failed-production-change, tier deep-dive). Due 2026-11-27."}]},
                 {"type":"paragraph","content":[{"type":"text","text":"ServiceNow record: "},
                   {"type":"text","text":"PRB0040007","marks":[{"type":"link","attrs":{"href":"https://sn.example/nav_to.do?uri=problem.do%3Fsys_id%3Dabc"}}]}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Checklist"}]},
                 {"type":"taskList","attrs":{"localId":"retro-checklist"},"content":[
                   {"type":"taskItem","attrs":{"localId":"retro-check-1","state":"TODO"},"content":[{"type":"text","text":"Hold the retrospective by 2026-11-27"}]},
                   {"type":"taskItem","attrs":{"localId":"retro-check-2","state":"TODO"},"content":[{"type":"text","text":"Fill in Root cause"}]},
                   {"type":"taskItem","attrs":{"localId":"retro-check-3","state":"TODO"},"content":[{"type":"text","text":"Fill in Action items"}]},
                   {"type":"taskItem","attrs":{"localId":"retro-check-4","state":"TODO"},"content":[{"type":"text","text":"Raise each action item as a problem task under PRB0040007"}]}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Timeline"}]},
                 {"type":"table","attrs":{"isNumberColumnEnabled":false,"layout":"default"},"content":[
                   {"type":"tableRow","content":[
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"When"}]}]},
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"What"}]}]},
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Outcome"}]}]},
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Duration"}]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2026-11-20 10:00:00 UTC"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"change CHG0030001 is Implement"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2026-11-20 10:05:00 UTC"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"build: deploy payment-gateway 4.2 to production"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"success"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2026-11-20 10:10:00 UTC"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"deploy-prod: deploy payment-gateway 4.2 to production","marks":[{"type":"link","attrs":{"href":"https://ci.example/runs/1"}}]}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"failure"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"1h 1m 5s"}]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2026-11-20 10:30:00 UTC"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"deploy-prod: deploy payment-gateway 4.1 to production"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"success, rollback"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2m 5s"}]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2026-11-20 10:40:00 UTC"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"change CHG0030001 moved Implement \u2192 Review"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[]}]}]}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Root cause (mandatory)"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Action items (mandatory)"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Lessons learned (optional)"}]}]}
                """));
    }

    @Test
    void withoutDeploymentEventsTheTimelineSaysSoAndStillListsTheChangesMoves() {
        List<ChangeStateMove> moves = List.of(new ChangeStateMove("CHG0030001", ChangeState.REVIEW, ChangeState.CLOSED,
                T0));

        JsonNode adf = RetrospectiveDescription.render(trigger(List.of("summary"), List.of()), PROBLEM, List.of(),
                moves);

        JsonNode content = adf.get("content");
        int timeline = indexOfHeading(content, "Timeline");
        assertThat(content.get(timeline + 1).toString())
                .isEqualTo("{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"No deployment events recorded.\"}]}");
        assertThat(content.get(timeline + 2).get("type").asText()).isEqualTo("table");
        assertThat(content.get(timeline + 2).get("content")).hasSize(2);
        assertThat(content.get(timeline + 3).toString()).contains("Summary (mandatory)");
    }

    @Test
    void aProblemWithoutAChangeSaysWhyInTheDescription() {
        RetrospectiveDescription.ServiceNowRecord unlinked = new RetrospectiveDescription.ServiceNowRecord("PRB0040008",
                "https://sn.example/x", "ServiceNow has no change_request numbered CHG0039999, so its rfc is left empty");

        JsonNode adf = RetrospectiveDescription.render(trigger(List.of(), List.of()), unlinked, List.of(), List.of());

        assertThat(adf.get("content").get(2).toString()).isEqualTo("{\"type\":\"paragraph\",\"content\":[{\"type\":"
                + "\"text\",\"text\":\"It points at no change: ServiceNow has no change_request numbered CHG0039999, "
                + "so its rfc is left empty.\"}]}");
        assertThat(adf.toString()).doesNotContain("\"table\"");
    }

    @Test
    void durationsReadInHoursMinutesAndSeconds() {
        assertThat(Timeline.duration(java.time.Duration.ofSeconds(3665))).isEqualTo("1h 1m 5s");
        assertThat(Timeline.duration(java.time.Duration.ofSeconds(240))).isEqualTo("4m 0s");
        assertThat(Timeline.duration(java.time.Duration.ofMillis(12_900))).isEqualTo("12s");
    }

    @Test
    void markersAreStableAndNotActionItemCorrelationIds() {
        assertThat(RetrospectiveMarkers.of("change:CHG0030001")).isEqualTo(RetrospectiveMarkers.of("change:CHG0030001"))
                .startsWith("rb-retro-").hasSize(33)
                .isNotEqualTo(RetrospectiveMarkers.of("change:CHG0030002"));
        assertThat(io.retrobridge.sync.CorrelationIds.isMarker(RetrospectiveMarkers.of("change:CHG0030001"))).isFalse();
    }

    private static int indexOfHeading(JsonNode content, String words) {
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).path("type").asText().equals("heading")
                    && content.get(i).path("content").get(0).path("text").asText().equals(words)) {
                return i;
            }
        }
        throw new AssertionError("no heading " + words);
    }
}
