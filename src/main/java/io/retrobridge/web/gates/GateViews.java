package io.retrobridge.web.gates;

import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateItem;
import io.retrobridge.gate.GateWarning;
import io.retrobridge.mapping.gate.Waiver;
import java.util.List;
import java.util.Locale;

/**
 * A gate answer as callers read it. {@code decision} is always there and upper case (Spinnaker upper-cases what it
 * matches; Argo Rollouts reads {@code {$.decision}}). {@code readinessUrl} opens the release's readiness review, the
 * whole picture behind the reason.
 */
final class GateViews {

    private GateViews() {
    }

    /**
     * Items an answer lists in {@code blocking}, and in each warning, at most: an application with hundreds of open
     * items gets the first ones and the count, so the answer stays small enough to serve and keep fast; the
     * readiness review lists them all.
     */
    static final int LISTED = 50;

    /**
     * The answer, with what it was asked.
     *
     * @param blockingTotal how many items deny it, when {@code blocking} lists only the first {@link #LISTED}
     */
    record Evaluation(String evaluationId, String gate, String decision, boolean allowed, String reason,
                      List<Item> blocking, int blockingTotal, List<Warning> warnings, List<String> rules, List<WaiverView> waivers,
                      String mode, String tier, String application, String version, String environment,
                      String commitSha, String changeNumber, String statusUrl, String readinessUrl,
                      String decidedAt) {
    }

    record Item(String rule, String kind, String reference, String title, String jiraKey, String serviceNowNumber,
                Links links) {
    }

    /** Null where there is nothing to link to. */
    record Links(String jira, String servicenow) {
    }

    /** @param itemsTotal how many items it names, when {@code items} lists only the first {@link #LISTED} */
    record Warning(String rule, String message, List<Item> items, int itemsTotal) {
    }

    record WaiverView(String id, String rule, String who, String why, String until) {
    }

    static Evaluation of(String evaluationId, String gate, GateInputs inputs, GateAnswer answer, GateLinks links,
            String statusUrl, String decidedAt) {
        return new Evaluation(evaluationId, gate, answer.decision().name(), answer.allowed(), answer.reason(),
                items(answer.blocking(), links), answer.blocking().size(),
                answer.warnings().stream().map(w -> warning(w, links)).toList(), answer.rules(),
                answer.waiversApplied().stream().map(GateViews::waiver).toList(),
                answer.mode().name().toLowerCase(Locale.ROOT), answer.tier(), inputs.application(), inputs.version(),
                inputs.environment(), inputs.commitSha(), inputs.changeNumber(), statusUrl,
                links.readiness(statusUrl, inputs.application(), inputs.version()), decidedAt);
    }

    private static Warning warning(GateWarning warning, GateLinks links) {
        return new Warning(warning.ruleId(), warning.message(), items(warning.items(), links),
                warning.items().size());
    }

    private static List<Item> items(List<GateItem> items, GateLinks links) {
        return items.stream().limit(LISTED).map(item -> new Item(item.ruleId(), item.kind().name(), item.reference(), item.title(),
                item.jiraKey(), item.serviceNowNumber(), new Links(links.jira(item.jiraKey()),
                        links.serviceNow(item.serviceNowNumber())))).toList();
    }

    private static WaiverView waiver(Waiver waiver) {
        return new WaiverView(waiver.id(), waiver.ruleId(), waiver.who(), waiver.why(), waiver.until().toString());
    }
}
