package io.retrobridge.web.retro;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.sync.RetrospectiveProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Retrospectives as the API shows them: the trigger, both records with their browse links, and the action items. */
@Component
class RetrospectiveViews {

    @Schema(name = "RetrospectiveJiraIssue", description = "The Jira issue the retrospective is held in")
    record JiraIssueView(String key, String url) {
    }

    @Schema(name = "RetrospectiveServiceNowRecord",
            description = "The ServiceNow record its action items hang under, and the change it points at")
    record ServiceNowView(String table, String number, String sysId, String url, String changeSysId,
                          @Schema(description = "why it points at no change; null when it does") String rfcNote) {
    }

    @Schema(name = "RetrospectiveTrigger", description = "The inclusion rule that opened it, and why")
    record TriggerView(String key, String rule, String tier, String reason) {
    }

    @Schema(name = "RetrospectiveSummary")
    record Summary(UUID id, TriggerView trigger, String application, String environment, String version,
                   String changeNumber, String program, LocalDate due, Instant createdAt,
                   @Schema(description = "null until created") JiraIssueView jira,
                   @Schema(description = "null until created") ServiceNowView serviceNow,
                   @Schema(description = "whether both records exist and name each other") boolean complete) {
    }

    @Schema(name = "RetrospectiveActionItem", description = "A problem task under its ServiceNow record, and the Jira "
            + "issue it is synced with (null while it is not linked)")
    record ActionItemView(String number, String shortDescription, String state, String url, JiraIssueView jira) {
    }

    @Schema(name = "Retrospective")
    record Detail(Summary retrospective, List<ActionItemView> actionItems) {
    }

    private final RetrospectiveIssues issues;
    private final RetrospectiveProblems problems;
    private final LinkStore links;

    RetrospectiveViews(RetrospectiveIssues issues, RetrospectiveProblems problems, LinkStore links) {
        this.issues = issues;
        this.problems = problems;
        this.links = links;
    }

    Summary summary(Retrospective retro) {
        JiraIssueView jira = retro.jiraKey() == null ? null
                : new JiraIssueView(retro.jiraKey(), issues.browseUrl(retro.jiraKey()));
        ServiceNowView serviceNow = retro.serviceNowSysId() == null ? null
                : new ServiceNowView(retro.serviceNowTable(), retro.serviceNowNumber(), retro.serviceNowSysId(),
                        problems.browseUrl(retro.serviceNowTable(), retro.serviceNowSysId()), retro.changeSysId(),
                        retro.rfcNote());
        return new Summary(retro.id(), new TriggerView(retro.key(), retro.ruleId(), retro.tier(), retro.reason()),
                retro.application(), retro.environment(), retro.version(), retro.changeNumber(), retro.program(),
                retro.due(), retro.createdAt(), jira, serviceNow, retro.complete());
    }

    /** Reads the action items from ServiceNow, and their Jira issues through the action-item links. */
    Detail detail(Retrospective retro) {
        List<ActionItemView> items = retro.serviceNowSysId() == null ? List.of()
                : problems.tasksUnder(retro.serviceNowSysId()).stream().map(this::item).toList();
        return new Detail(summary(retro), items);
    }

    private ActionItemView item(RetrospectiveProblems.Task task) {
        JiraIssueView jira = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, task.sysId()))
                .flatMap(link -> link.idOn(ExternalSystem.JIRA))
                .flatMap(issues::find)
                .map(issue -> new JiraIssueView(issue.key(), issue.url()))
                .orElse(null);
        return new ActionItemView(task.number(), task.shortDescription(), task.state(),
                problems.browseUrl("problem_task", task.sysId()), jira);
    }
}
