package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ClassificationRule;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingRefusal;
import io.retrobridge.mapping.MappingStatus;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderStep;
import io.retrobridge.mapping.escalation.SystemicRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes the mapping admin endpoints answer with, in the words of the mapping files. */
final class MappingViews {

    private MappingViews() {
    }

    static Map<String, Object> valid(LoadedMappings loaded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", true);
        body.put("files", loaded.files());
        body.put("rules", loaded.ruleCount());
        body.put("escalation", escalationCounts(loaded));
        return body;
    }

    static Map<String, Object> invalid(List<MappingProblem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", false);
        body.put("problems", problems);
        return body;
    }

    static Map<String, Object> running(MappingStatus status) {
        LoadedMappings running = status.running();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dir", running.dir().toAbsolutePath().normalize().toString());
        body.put("files", running.files());
        body.put("rules", running.actionItemsDefinition().classification().rules().stream().map(MappingViews::rule).toList());
        body.put("escalation", running.escalations().map(MappingViews::escalation).orElse(null));
        body.put("loadedAt", status.loadedAt().toString());
        body.put("lastRefusal", status.lastRefusal().map(MappingViews::refusal).orElse(null));
        return body;
    }

    /** Ladder and board counts of the escalation file; null when there is none (escalation off). */
    private static Map<String, Object> escalationCounts(LoadedMappings loaded) {
        return loaded.escalations().map(policy -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("ladders", policy.ladders().size());
            view.put("boards", policy.boards().size());
            return view;
        }).orElse(null);
    }

    /** The ladders (ids and steps) and the boards with their queues, as the file names them. */
    private static Map<String, Object> escalation(EscalationPolicy policy) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ladders", policy.ladders().stream().map(MappingViews::ladder).toList());
        view.put("boards", policy.boards().values().stream().map(MappingViews::board).toList());
        view.put("systemic", policy.systemic().map(SystemicRule::boardId).orElse(null));
        view.put("grouping", policy.grouping().isPresent());
        return view;
    }

    private static Map<String, Object> ladder(Ladder ladder) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", ladder.id());
        view.put("steps", ladder.steps().stream().map(LadderStep::id).toList());
        return view;
    }

    private static Map<String, Object> board(Board board) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", board.id());
        view.put("name", board.name());
        BoardQueue queue = board.queue();
        view.put("queue", queue.system() == ExternalSystem.SERVICENOW
                ? "servicenow " + queue.table() + " / " + queue.assignmentGroup()
                : "jira " + queue.project() + " / " + queue.issueType());
        return view;
    }

    private static Map<String, Object> rule(ClassificationRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rule.id());
        view.put("description", rule.description());
        // null parts are taken from classification.default
        view.put("scope", rule.scope() == null ? null : settingName(rule.scope()));
        view.put("kind", rule.kind() == null ? null : settingName(rule.kind()));
        view.put("releasePhase", rule.releasePhase());
        return view;
    }

    private static Map<String, Object> refusal(MappingRefusal refusal) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", refusal.at().toString());
        view.put("problems", refusal.problems());
        return view;
    }

    /** IMMEDIATE_FIX is written immediate-fix in the files. */
    private static String settingName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
