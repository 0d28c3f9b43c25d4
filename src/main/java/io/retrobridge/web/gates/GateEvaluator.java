package io.retrobridge.web.gates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.AdminAction;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateDecider;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.sync.GateEvaluations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Answers a gate question from the local store and the policy in force, keeps the answer as served, and notes in
 * the audit log who asked, about what, and what was answered under which rules and waivers.
 * <p>
 * With no gates.yaml there is no gate policy: the answer is ALLOW ("no gates.yaml: no gate"), mode {@code off},
 * tier {@code none}, so removing the file never stops releases. With no facts source the decider is told the facts
 * are unavailable, and the tier's {@code when-undecided} answers.
 */
@Service
class GateEvaluator {

    /** The audit log's action name for a gate answer. */
    static final String AUDIT_ACTION = "gate-evaluate";
    private static final int MAX_AUDIT_TARGET = 500;

    private static final Logger log = LoggerFactory.getLogger(GateEvaluator.class);

    private final GateDecider decider = new GateDecider();
    private final CurrentMappings mappings;
    private final ObjectProvider<GateFactsSource> facts;
    private final GateEvaluations evaluations;
    private final AdminAuditLog audit;
    private final GateLinks links;
    private final ObjectMapper json;
    private final Clock clock;

    GateEvaluator(CurrentMappings mappings, ObjectProvider<GateFactsSource> facts, GateEvaluations evaluations,
            AdminAuditLog audit, GateLinks links, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.mappings = mappings;
        this.facts = facts;
        this.evaluations = evaluations;
        this.audit = audit;
        this.links = links;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** An answer as served: the decision, and the JSON text every read of it returns. */
    record Served(GateDecision decision, String json, String statusUrl) {
    }

    /**
     * @param statusUrl where the answer of an evaluation id is polled
     * @param status    the HTTP status the caller gets, from the decision (strict mode maps DENY and PENDING)
     */
    Served evaluate(String gate, GateInputs inputs, String requester, String remote,
            Function<UUID, String> statusUrl, Function<GateDecision, Integer> status) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        ReleaseQuestion question = new ReleaseQuestion(gate, inputs.application(), inputs.version(),
                inputs.environment(), inputs.commitSha(), inputs.changeNumber(), requester);
        GateAnswer answer = mappings.gates()
                .map(policy -> decider.decide(policy, question, factsFor(inputs.application(), now), now))
                .orElseGet(() -> noPolicy(inputs));
        String url = statusUrl.apply(id);
        String text = write(GateViews.of(id.toString(), gate, inputs, answer, links, url,
                now.truncatedTo(ChronoUnit.MILLIS).toString()));
        evaluations.record(new GateEvaluations.Evaluation(id, gate, inputs.application(), inputs.version(),
                inputs.environment(), inputs.commitSha(), inputs.changeNumber(), requester, answer.decision().name(),
                answer.reason(), text, now));
        audit(id, gate, inputs, answer, requester, remote, status.apply(answer.decision()), now);
        return new Served(answer.decision(), text, url);
    }

    private GateFacts factsFor(String application, Instant now) {
        GateFactsSource source = facts.getIfAvailable();
        if (source == null) {
            return GateFacts.unavailable("no facts source");
        }
        try {
            return source.factsFor(application, now);
        } catch (RuntimeException e) {
            // The caller still gets an answer in time: the tier's when-undecided rule, saying why.
            log.warn("Could not read the follow-ups of {} for a gate answer: {}", application, e.toString());
            return GateFacts.unavailable("the local store could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static GateAnswer noPolicy(GateInputs inputs) {
        return new GateAnswer(GateDecision.ALLOW, "ALLOW: no gates.yaml: no gate, so " + inputs.application()
                + " may proceed to " + inputs.environment(), "none", GateMode.OFF, List.of(), List.of(), List.of(),
                List.of());
    }

    private void audit(UUID id, String gate, GateInputs inputs, GateAnswer answer, String requester, String remote,
            int status, Instant now) {
        String target = "gate " + gate + " evaluation " + id + ": " + inputs.application() + " "
                + (inputs.version() == null ? "" : inputs.version() + " ") + "to " + inputs.environment()
                + (inputs.commitSha() == null ? "" : " sha " + inputs.commitSha())
                + (inputs.changeNumber() == null ? "" : " change " + inputs.changeNumber())
                + " -> " + answer.decision() + " (mode " + answer.mode().name().toLowerCase(java.util.Locale.ROOT)
                + ", tier " + answer.tier() + "; rules " + String.join(",", answer.rules()) + "; waivers "
                + String.join(",", answer.waiversApplied().stream().map(w -> w.id()).toList()) + ")";
        try {
            audit.record(AdminAction.of(now, requester, AUDIT_ACTION, target.length() > MAX_AUDIT_TARGET
                    ? target.substring(0, MAX_AUDIT_TARGET - 3) + "..." : target, status, remote));
        } catch (RuntimeException e) {
            // The answer is kept and served; losing its audit line must be seen, not hidden.
            log.error("Could not keep gate evaluation {} by key '{}' in the audit log: {}", id, requester,
                    e.toString());
        }
    }

    private String write(GateViews.Evaluation view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a gate answer could not be written as JSON", e);
        }
    }
}
