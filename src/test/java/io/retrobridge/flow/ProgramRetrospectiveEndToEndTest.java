package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.retro.RetrospectiveMarkers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped program threshold, driven through {@code POST /api/events/deployments}: three failed releases of the
 * {@code payments} applications within 30 days open one program-level deep-dive besides their own retrospectives, and
 * a fourth opens its own but no second program-level one. The only test of its context that deploys the program's
 * applications, in a month of its own.
 */
class ProgramRetrospectiveEndToEndTest extends ReleaseRetrospectivesSupport {

    private static final String PROGRAM_KEY = "program:payments:release:payment-gateway:production:4.2.1";

    @Test
    void threeFailedReleasesOfAProgramWithin30DaysOpenOneProgramRetrospectiveAndAFourthNoSecond() {
        fail("payment-gateway", "4.2.1", "2026-11-02T10:00:00Z", "2026-11-02T10:07:00Z");
        fail("checkout", "7.1.0", "2026-11-10T10:00:00Z", "2026-11-10T10:05:00Z");
        assertThat(programRetrospectives()).as("two failures are below the threshold").isEmpty();

        fail("ledger", "3.0.0", "2026-11-20T10:00:00Z", "2026-11-20T10:09:00Z");

        List<JsonNode> programs = programRetrospectives();
        assertThat(programs).hasSize(1);
        JsonNode program = programs.get(0);
        List<String> releases = List.of("release:payment-gateway:production:4.2.1",
                "release:checkout:production:7.1.0", "release:ledger:production:3.0.0");
        assertThat(program.path("trigger").path("key").asText()).isEqualTo(PROGRAM_KEY);
        assertThat(program.path("trigger").path("rule").asText()).isEqualTo("programs.payments.threshold");
        assertThat(program.path("trigger").path("tier").asText()).isEqualTo("deep-dive");
        assertThat(program.path("trigger").path("reason").asText()).isEqualTo("3 failed releases of program payments"
                + " within 30 days: " + String.join(", ", releases));
        assertThat(program.path("program").asText()).isEqualTo("payments");
        assertThat(program.path("due").asText()).as("10 business days after Friday the 20th").isEqualTo("2026-12-04");
        assertThat(program.path("complete").asBoolean()).isTrue();
        List<Map<String, String>> problems = problemsOf(PROGRAM_KEY);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("short_description")).isEqualTo("Retrospective: program payments (3 releases)");
        List<String> issues = issuesOf(PROGRAM_KEY);
        assertThat(issues).hasSize(1);
        JsonNode fields = issueFields(issues.get(0));
        assertThat(fields.path("summary").asText()).isEqualTo("Retrospective: program payments (3 releases)");
        assertThat(labels(fields)).containsExactly("retrospective", RetrospectiveMarkers.of(PROGRAM_KEY));
        assertThat(headings(fields)).contains("Root cause (mandatory)", "Contributing factors (mandatory)");
        assertThat(timeline(fields)).as("the failed run of each release it covers").containsExactly(
                row("2026-11-02 10:00:00", "payment-gateway", "4.2.1", "7m 0s"),
                row("2026-11-10 10:00:00", "checkout", "7.1.0", "5m 0s"),
                row("2026-11-20 10:00:00", "ledger", "3.0.0", "9m 0s"));
        for (String release : releases) {
            assertThat(listedRetrospectives(release)).as(release).hasSize(1);
            assertThat(problemsOf(release)).as(release).hasSize(1);
            assertThat(issuesOf(release)).as(release).hasSize(1);
        }

        fail("checkout", "7.1.1", "2026-11-25T10:00:00Z", "2026-11-25T10:04:00Z");

        assertThat(listedRetrospectives("release:checkout:production:7.1.1")).as("its own").hasSize(1);
        assertThat(programRetrospectives()).as("no second program-level one").hasSize(1);
        assertThat(problemsOf(PROGRAM_KEY)).hasSize(1);
        assertThat(issuesOf(PROGRAM_KEY)).hasSize(1);
        assertThat(queuedRetrospectives(PROGRAM_KEY)).isEqualTo(1);
        assertThat(systems.servicenow.records("problem"))
                .filteredOn(p -> p.get("short_description").startsWith("Retrospective: program payments")).hasSize(1);
    }

    private void fail(String application, String version, String startedAt, String finishedAt) {
        assertThat(outcome(report(deployment(application, version, application + "-" + version, "failure", startedAt,
                finishedAt)))).startsWith("APPLIED: recorded " + application + " " + version + " to production: FAILURE;"
                + " retrospective release:" + application + ":production:" + version + " queued (lightweight by rule"
                + " failed-production-deployment");
    }

    private static List<String> row(String when, String application, String version, String duration) {
        return List.of(when + " UTC", application + " release: deploy " + application + " " + version + " to production",
                "https://ci.example.com/" + application + "/runs/" + application + "-" + version, "failure", duration);
    }

    private List<JsonNode> programRetrospectives() {
        return listedRetrospectives().stream()
                .filter(item -> item.path("trigger").path("key").asText().startsWith("program:payments:")).toList();
    }
}
