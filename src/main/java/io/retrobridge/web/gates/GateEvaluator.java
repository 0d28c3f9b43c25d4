package io.retrobridge.web.gates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.AdminAction;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateAnswerListener;
import io.retrobridge.gate.GateDecider;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.GateQuestions;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.sync.GateEvaluations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Answers a gate question from the local store and the policy in force, keeps the answer as served, notes in
 * the audit log who asked, about what, and what was answered under which rules and waivers, and tells every
 * {@link GateAnswerListener}. Serves the HTTP endpoint and, as {@link GateQuestions}, the callers' native hooks.
 * <p>
 * With no gates.yaml there is no gate policy: the answer is ALLOW ("no gates.yaml: no gate"), mode {@code off},
 * tier {@code none}, so removing the file never stops releases. With no facts source the decider is told the facts
 * are unavailable, and the tier's {@code when-undecided} answers.
 */
@Service
class GateEvaluator implements GateQuestions {

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
    private final List<GateAnswerListener> listeners;
    private final GateProperties settings;
    private final Clock clock;

    GateEvaluator(CurrentMappings mappings, ObjectProvider<GateFactsSource> facts, GateEvaluations evaluations,
            AdminAuditLog audit, GateLinks links, ObjectMapper json, List<GateAnswerListener> listeners,
            GateProperties settings, ObjectProvider<Clock> clock) {
        this.mappings = mappings;
        this.facts = facts;
        this.evaluations = evaluations;
        this.audit = audit;
        this.links = links;
        this.json = json;
        this.listeners = List.copyOf(listeners);
        this.settings = settings;
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
        GateReply reply = answer(gate, inputs, requester, remote, null, statusUrl, status);
        return new Served(reply.decision(), reply.answerJson(), reply.statusUrl());
    }

    @Override
    public GateReply ask(ReleaseQuestion question, String requestKey, String remote) {
        String gate;
        GateInputs inputs;
        try {
            gate = GateInputs.gate(question.gate());
            inputs = GateInputs.of(question.application(), question.version(), question.environment(),
                    question.commitSha(), question.changeNumber());
        } catch (GateRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (requestKey != null) {
            Optional<GateReply> earlier = earlierAnswer(requestKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String requester = question.requester() == null ? "anonymous" : question.requester();
        try {
            return answer(gate, inputs, requester, remote, requestKey, settings::statusUrl, decision -> 200);
        } catch (IllegalStateException e) {
            // Asked twice at once under one key: the other answer was kept first, and is the answer.
            return earlierAnswer(requestKey).orElseThrow(() -> e);
        }
    }

    private GateReply answer(String gate, GateInputs inputs, String requester, String remote, String requestKey,
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
        // Only a decided answer stands for its request: a PENDING one is asked again.
        String keptKey = answer.decision() == GateDecision.PENDING ? null : requestKey;
        evaluations.record(new GateEvaluations.Evaluation(id, gate, inputs.application(), inputs.version(),
                inputs.environment(), inputs.commitSha(), inputs.changeNumber(), requester, answer.decision().name(),
                answer.reason(), text, now, keptKey));
        audit(id, gate, inputs, answer, requester, remote, status.apply(answer.decision()), now);
        GateReply reply = new GateReply(id, answer.decision(), answer.reason(), url, text, false);
        tell(question, reply);
        return reply;
    }

    private Optional<GateReply> earlierAnswer(String requestKey) {
        return evaluations.findByRequestKey(requestKey).map(kept -> new GateReply(kept.id(),
                GateDecision.valueOf(kept.decision()), kept.reason(), settings.statusUrl(kept.id()),
                kept.answerJson(), true));
    }

    private void tell(ReleaseQuestion question, GateReply reply) {
        for (GateAnswerListener listener : listeners) {
            try {
                listener.answered(question, reply);
            } catch (RuntimeException e) {
                log.error("{} could not take gate evaluation {}; the answer stands: {}",
                        listener.getClass().getSimpleName(), reply.evaluationId(), e.toString());
            }
        }
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
