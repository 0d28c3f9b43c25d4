package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An action item as a scan sees it, with every field settable; defaults to an open immediate fix on both sides. */
final class TestSubject {

    private String itemKey = "rb-1";
    private String title = "Alert when the payment queue backs up";
    private ActionStatus status = ActionStatus.OPEN;
    private Priority priority = Priority.HIGH;
    private String assigneeEmail = "david.loo@example.com";
    private String ownerName = "David Loo";
    private LocalDate due = LocalDate.of(2026, 11, 18);
    private String failureMode = "config-drift";
    private Classification classification =
            new Classification(Scope.IMMEDIATE_FIX, ActionKind.CORRECTIVE, "production", "prod-fix");
    private String retrospective = "PRB0040001 Payment gateway upgrade";
    private Instant completedAt;
    private final Map<ExternalSystem, String> keys = new TreeMap<>(Map.of(
            ExternalSystem.JIRA, "PAY-12", ExternalSystem.SERVICENOW, "PTASK0010002"));
    private final Map<ExternalSystem, String> urls = new TreeMap<>(Map.of(
            ExternalSystem.JIRA, "https://jira.example.com/browse/PAY-12",
            ExternalSystem.SERVICENOW, "https://sn.example.com/nav_to.do?uri=problem_task.do?sys_id=abc"));

    static TestSubject item() {
        return new TestSubject();
    }

    TestSubject key(String newKey) {
        this.itemKey = newKey;
        return this;
    }

    TestSubject title(String newTitle) {
        this.title = newTitle;
        return this;
    }

    TestSubject due(LocalDate newDue) {
        this.due = newDue;
        return this;
    }

    TestSubject done(Instant at) {
        this.status = ActionStatus.DONE;
        this.completedAt = at;
        return this;
    }

    TestSubject cancelled(Instant at) {
        this.status = ActionStatus.CANCELLED;
        this.completedAt = at;
        return this;
    }

    TestSubject unassigned() {
        this.assigneeEmail = null;
        this.ownerName = null;
        return this;
    }

    TestSubject ownerName(String name) {
        this.ownerName = name;
        return this;
    }

    TestSubject failureMode(String mode) {
        this.failureMode = mode;
        return this;
    }

    TestSubject retrospective(String retro) {
        this.retrospective = retro;
        return this;
    }

    TestSubject scope(Scope scope) {
        this.classification = new Classification(scope, ActionKind.PREVENTIVE, "production", "rule");
        return this;
    }

    TestSubject unclassified() {
        this.classification = null;
        return this;
    }

    TestSubject priority(Priority newPriority) {
        this.priority = newPriority;
        return this;
    }

    TestSubject onlyInJira() {
        keys.remove(ExternalSystem.SERVICENOW);
        urls.remove(ExternalSystem.SERVICENOW);
        return this;
    }

    EscalationSubject build() {
        ActionItem item = new ActionItem(title, "", status, priority, assigneeEmail, due, Set.of(), Set.of(),
                failureMode, classification);
        Map<ExternalSystem, String> ids = Map.of(ExternalSystem.JIRA, "10012");
        return new EscalationSubject(itemKey, keys, ids, urls, item, ownerName, retrospective, "CHG0030001", "Payments",
                completedAt);
    }
}
