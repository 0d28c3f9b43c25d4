package io.retrobridge.web.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.AdminAction;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.gate.GateFiles;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.sync.GateEvaluations;
import io.retrobridge.sync.RetrospectiveIssues;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The gate's answer when its facts cannot be had: the tier's when-undecided rule decides, and says why. */
class GateEvaluatorTest {

    private static final GateInputs PAYMENT_GATEWAY = GateInputs.of("payment-gateway", "4.3.0", "production", null,
            null);

    @TempDir
    Path dir;

    private final KeptEvaluations evaluations = new KeptEvaluations();
    private final List<GateEvaluations.Evaluation> kept = evaluations.kept;
    private final List<AdminAction> audited = new ArrayList<>();
    private final List<GateReply> told = new ArrayList<>();

    @Test
    void withNoFactsSourceAHighRiskApplicationFailsClosedSayingSo() throws Exception {
        GateEvaluator.Served served = evaluator(new StaticListableBeanFactory()).evaluate("prod", PAYMENT_GATEWAY,
                "argo-rollouts", "10.0.0.7", id -> "http://gate/api/gates/evaluations/" + id, d -> 200);

        assertThat(served.decision()).isEqualTo(GateDecision.DENY);
        JsonNode answer = new ObjectMapper().readTree(served.json());
        assertThat(answer.get("reason").asText()).contains("cannot decide", "no facts source",
                "when-undecided: deny");
        assertThat(answer.get("readinessUrl").asText())
                .isEqualTo("http://gate/api/readiness?application=payment-gateway&version=4.3.0");
        assertThat(kept).singleElement().satisfies(e -> assertThat(e.answerJson()).isEqualTo(served.json()));
        assertThat(audited).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("gate-evaluate");
            assertThat(a.keyName()).isEqualTo("argo-rollouts");
            assertThat(a.remote()).isEqualTo("10.0.0.7");
        });
    }

    @Test
    void aFactsSourceThatFailsIsTakenAsFactsUnavailable() throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("facts", (GateFactsSource) (application, now) -> {
            throw new IllegalStateException("connection refused");
        });

        GateEvaluator.Served served = evaluator(beans).evaluate("prod", PAYMENT_GATEWAY, "argo-rollouts", null,
                id -> "http://gate/api/gates/evaluations/" + id, d -> 200);

        assertThat(served.decision()).isEqualTo(GateDecision.DENY);
        assertThat(new ObjectMapper().readTree(served.json()).get("reason").asText())
                .contains("the local store could not be read (IllegalStateException)");
    }

    /** An application with hundreds of open fixes gets a reason and an answer of bounded size, with the count. */
    @Test
    void aReasonNamesTenItemsAndTheAnswerListsFiftyWithTheTotal() throws Exception {
        List<io.retrobridge.gate.FollowUp> fixes = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            fixes.add(new io.retrobridge.gate.FollowUp("link-" + i, "Fix " + i, "PAY-" + i, null,
                    io.retrobridge.domain.Scope.IMMEDIATE_FIX, true, null, null, null, false));
        }
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("facts", (GateFactsSource) (application, now) -> io.retrobridge.gate.GateFacts.gathered(
                List.of(new io.retrobridge.gate.RetrospectiveFacts("change:CHG0030001",
                        Instant.parse("2026-12-01T08:00:00Z"), "CHG0030001", "PAY-1", null, fixes))));

        GateEvaluator.Served served = evaluator(beans).evaluate("prod", PAYMENT_GATEWAY, "argo-rollouts", null,
                id -> "http://gate/api/gates/evaluations/" + id, d -> 200);

        JsonNode answer = new ObjectMapper().readTree(served.json());
        assertThat(answer.get("decision").asText()).isEqualTo("DENY");
        assertThat(answer.get("reason").asText()).contains("60 open immediate fixes", "PAY-10 'Fix 10'",
                "and 50 more").doesNotContain("PAY-11 ");
        assertThat(answer.get("blocking")).hasSize(50);
        assertThat(answer.get("blockingTotal").asInt()).isEqualTo(60);
        assertThat(served.json().length()).isLessThan(20_000);
    }

    @Test
    void aHookAskingAgainForOneRunGetsTheKeptAnswerAndNothingNewIsRecorded() {
        GateEvaluator evaluator = evaluator(new StaticListableBeanFactory());
        ReleaseQuestion question = new ReleaseQuestion("prod", "payment-gateway", "4.3.0", "production", null, null,
                "github");

        GateReply first = evaluator.ask(question, "github:run/42:production", "github");
        GateReply again = evaluator.ask(question, "github:run/42:production", "github");
        GateReply otherRun = evaluator.ask(question, "github:run/43:production", "github");

        assertThat(first.repeated()).isFalse();
        assertThat(first.statusUrl()).isEqualTo("https://retrobridge.example.com/api/gates/evaluations/"
                + first.evaluationId());
        assertThat(again.repeated()).isTrue();
        assertThat(again.evaluationId()).isEqualTo(first.evaluationId());
        assertThat(again.answerJson()).isEqualTo(first.answerJson());
        assertThat(otherRun.evaluationId()).isNotEqualTo(first.evaluationId());
        assertThat(kept).hasSize(2);
        assertThat(audited).hasSize(2);
        assertThat(told).extracting(GateReply::evaluationId).containsExactly(first.evaluationId(),
                otherRun.evaluationId());
    }

    @Test
    void aPendingAnswerIsNotKeptForItsRunSoTheNextAskDecidesAgain() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("facts", (GateFactsSource) (application, now) ->
                io.retrobridge.gate.GateFacts.notReady("the follow-ups were never read"));
        GateEvaluator evaluator = evaluator(beans);
        ReleaseQuestion question = new ReleaseQuestion("prod", "payment-gateway", null, "production", null, null,
                "gitlab");

        GateReply first = evaluator.ask(question, "gitlab:mr/7:abc", "gitlab");
        GateReply second = evaluator.ask(question, "gitlab:mr/7:abc", "gitlab");

        assertThat(first.decision()).isEqualTo(GateDecision.PENDING);
        assertThat(second.repeated()).isFalse();
        assertThat(second.evaluationId()).isNotEqualTo(first.evaluationId());
        assertThat(kept).allSatisfy(e -> assertThat(e.requestKey()).isNull());
    }

    @Test
    void aHookQuestionWithANameTheGateRefusesRecordsNothing() {
        GateEvaluator evaluator = evaluator(new StaticListableBeanFactory());

        assertThatThrownBy(() -> evaluator.ask(new ReleaseQuestion("prod", "payment gateway; drop", null,
                "production", null, null, "github"), "k", "github"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application");
        assertThat(kept).isEmpty();
        assertThat(audited).isEmpty();
        assertThat(told).isEmpty();
    }

    private GateEvaluator evaluator(StaticListableBeanFactory beans) {
        CurrentMappings mappings = new CurrentMappings(MappingFiles.load(GateFiles.write(dir, GateFiles.shipped())));
                AdminAuditLog audit = new AdminAuditLog() {
            @Override
            public AdminAction record(AdminAction action) {
                audited.add(action);
                return action;
            }

            @Override
            public List<AdminAction> find(Filter filter, int offset, int limit) {
                return List.copyOf(audited);
            }

            @Override
            public long count(Filter filter) {
                return audited.size();
            }
        };
        GateLinks links = new GateLinks(new NoJira(), new MockEnvironment());
        StaticListableBeanFactory clock = new StaticListableBeanFactory();
        clock.addBean("clock", Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
        return new GateEvaluator(mappings, beans.getBeanProvider(GateFactsSource.class), evaluations, audit, links,
                new ObjectMapper(), List.of((question, reply) -> told.add(reply)),
                new GateProperties("https://retrobridge.example.com/", "prod"), clock.getBeanProvider(Clock.class));
    }

    /** Links only: answering never calls Jira. */
    private static final class NoJira implements RetrospectiveIssues {
        @Override
        public Optional<Issue> findOurs(String project, String marker) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public Issue open(String project, String issueType, String summary, List<String> labels,
                String descriptionAdf) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public Optional<Issue> find(String idOrKey) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public String browseUrl(String key) {
            return "https://jira.test/browse/" + key;
        }
    }
}
