package io.retrobridge.sandbox.servicenow;

import io.retrobridge.sandbox.DemoHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Puts records into a {@link ServiceNowSandbox} without going through HTTP, for the demo and for
 * tests. Records are written by "admin" and pass the same business rules as API writes (numbers,
 * timestamps from the sandbox clock, priority, journal), so they look exactly like API-made ones.
 * Unlike the API, a field the table does not have is refused here: in a seed it is always a typo.
 */
public final class ServiceNowSeed {

    /** What was created: enough to address it through the API. {@code number} is "" for users and groups. */
    public record SeededRecord(String table, String sysId, String number) {
    }

    public static final String CAB = "CAB";
    /** The seeded action item that is overdue: escalated to the CAB, and what holds payment-gateway's release. */
    public static final String OVERDUE_ITEM = "Alert when the checkout error rate exceeds 2%";
    public static final String RELEASE_ADVISORY_BOARD = "Release Advisory Board";
    public static final String ARCHITECTURE_REVIEW_BOARD = "Architecture Review Board";

    private final RecordStore store;
    private final Clock clock;

    ServiceNowSeed(RecordStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public SeededRecord user(String userName, String name, String email) {
        return record(ServiceNowDictionary.SYS_USER, Map.of("user_name", userName, "name", name, "email", email));
    }

    public SeededRecord group(String name) {
        return record(ServiceNowDictionary.SYS_USER_GROUP, Map.of("name", name));
    }

    /** The three review boards escalations go to: CAB, Release Advisory Board, Architecture Review Board. */
    public Map<String, SeededRecord> reviewBoards() {
        Map<String, SeededRecord> boards = new LinkedHashMap<>();
        for (String name : new String[] {CAB, RELEASE_ADVISORY_BOARD, ARCHITECTURE_REVIEW_BOARD}) {
            boards.put(name, group(name));
        }
        return boards;
    }

    public SeededRecord problem(Map<String, String> fields) {
        return record(ServiceNowDictionary.PROBLEM, fields);
    }

    public SeededRecord changeRequest(Map<String, String> fields) {
        return record(ServiceNowDictionary.CHANGE_REQUEST, fields);
    }

    public SeededRecord problemTask(Map<String, String> fields) {
        return record(ServiceNowDictionary.PROBLEM_TASK, fields);
    }

    public SeededRecord incident(Map<String, String> fields) {
        return record(ServiceNowDictionary.INCIDENT, fields);
    }

    /**
     * Inserts one record into any simulated table. References may be given by sys_id or display value
     * (a group's name, a user's user_name or name, a record's number).
     */
    public SeededRecord record(String tableName, Map<String, String> fields) {
        TableDefinition table = store.dictionary().table(tableName).orElseThrow(() -> new IllegalArgumentException(
                "The ServiceNow sandbox has no table '" + tableName + "'; it has "
                        + store.dictionary().all().stream().map(TableDefinition::name).toList()));
        fields.keySet().stream().filter(f -> !table.hasField(f)).findFirst().ifPresent(f -> {
            throw new IllegalArgumentException("Table " + tableName + " has no field '" + f + "'; its fields are "
                    + new TreeSet<>(table.fields().keySet()));
        });
        Map<String, String> record = store.insert(table, fields, Actor.ADMIN);
        return new SeededRecord(tableName, record.get("sys_id"), record.getOrDefault("number", ""));
    }

    /**
     * A small story for the demo: a failed payment-gateway change, the incident it caused, the problem
     * opened for it and four action items in different states (one overdue, one done, one cancelled).
     */
    public Map<String, SeededRecord> demo() {
        Map<String, SeededRecord> seeded = new LinkedHashMap<>();
        seeded.put("beth", user("beth.anglin", "Beth Anglin", "beth.anglin@example.com"));
        seeded.put("david", user("david.loo", "David Loo", "david.loo@example.com"));
        seeded.put("abel", user("abel.tuter", "Abel Tuter", "abel.tuter@example.com"));
        seeded.putAll(reviewBoards());
        seeded.put("change", changeRequest(Map.of(
                "short_description", "Upgrade payment gateway client to 4.2",
                "type", "normal", "state", "3", "close_code", "unsuccessful",
                "close_notes", "Rolled back after the checkout error rate rose to 7%",
                "assignment_group", CAB, "requested_by", "abel.tuter",
                "start_date", at(Duration.ofDays(-2)), "end_date", at(Duration.ofDays(-2).plusHours(1)))));
        seeded.put("problem", problem(Map.of(
                "short_description", "Payment gateway upgrade caused checkout failures",
                "impact", "2", "urgency", "1", "assigned_to", "beth.anglin", "rfc", seeded.get("change").sysId())));
        seeded.put("incident", incident(Map.of(
                "short_description", "Checkout fails with gateway timeout", "impact", "1", "urgency", "1",
                "caller_id", "david.loo", "caused_by", seeded.get("change").sysId(),
                "problem_id", seeded.get("problem").sysId())));
        String problem = seeded.get("problem").sysId();
        seeded.put("canary", problemTask(Map.of("problem", problem, "state", "154",
                "short_description", "Add a canary stage to payment gateway deployments", "impact", "2", "urgency", "2",
                "assigned_to", "beth.anglin", "assignment_group", RELEASE_ADVISORY_BOARD,
                "due_date", at(Duration.ofDays(7)))));
        seeded.put("alert", problemTask(Map.of("problem", problem, "state", "151",
                "short_description", OVERDUE_ITEM, "impact", "2", "urgency", "1",
                "assigned_to", "david.loo", "due_date", at(Duration.ofDays(-10)))));
        seeded.put("runbook", problemTask(Map.of("problem", problem, "state", "157", "close_code", "fix_applied",
                "close_notes", "Runbook published", "short_description", "Write a rollback runbook for the gateway",
                "assigned_to", "abel.tuter")));
        seeded.put("pinning", problemTask(Map.of("problem", problem, "state", "157", "close_code", "canceled",
                "close_notes", "Superseded by the canary stage", "short_description", "Pin the vendor SDK version",
                "assignment_group", ARCHITECTURE_REVIEW_BOARD)));
        return seeded;
    }

    private String at(Duration fromNow) {
        return GlideDateTime.format(clock.instant().plus(fromNow));
    }

    /**
     * The problems of the demo's past retrospectives (see {@link DemoHistory}) with their action items as problem
     * tasks, carrying the dates they had: opened when the retrospective was, due and closed on their days, the failure
     * mode in cause_code. Seed it after {@link #demo()}: the tasks are read after the demo's own. Answers the problems
     * by their short description.
     */
    public Map<String, SeededRecord> history(DemoHistory history) {
        String[] owners = {"beth.anglin", "david.loo", "abel.tuter"};
        // A second after the demo's own tasks: the first poll reads in sys_updated_on order, so those four come first.
        String touched = GlideDateTime.format(clock.instant().plusSeconds(1));
        Map<String, SeededRecord> problems = new LinkedHashMap<>();
        int n = 0;
        for (DemoHistory.Retro retro : history.retrospectives()) {
            SeededRecord problem = problem(Map.of("short_description", retro.problemTitle(),
                    "description", "Retrospective of " + retro.failure().application() + " "
                            + retro.failure().version() + ", which raised HighErrorRate in production.",
                    "impact", "2", "urgency", "2", "assigned_to", owners[n++ % owners.length]));
            backdate(problem, retro.openedAt(), null);
            for (DemoHistory.Item item : retro.items()) {
                Map<String, String> fields = new HashMap<>(Map.of("problem", problem.sysId(),
                        "short_description", item.title(), "impact", "2", "urgency", "2",
                        "assigned_to", owners[n++ % owners.length], "due_date", GlideDateTime.format(item.dueAt()),
                        "cause_code", retro.failureMode()));
                if (item.cancelled()) {
                    fields.putAll(Map.of("state", "157", "close_code", "canceled", "close_notes", "No longer needed"));
                } else if (item.closedOn() != null) {
                    fields.putAll(Map.of("state", "157", "close_code", "fix_applied", "close_notes", "Done"));
                } else {
                    fields.put("state", "154");
                }
                SeededRecord task = problemTask(fields);
                backdate(task, retro.openedAt().plus(Duration.ofMinutes(10)), item.closedAt());
                store.backdate(task.table(), task.sysId(), Map.of("sys_updated_on", touched));
            }
            problems.put(retro.problemTitle(), problem);
        }
        return problems;
    }

    private void backdate(SeededRecord record, Instant created, Instant closed) {
        Map<String, String> dates = new HashMap<>(Map.of("sys_created_on", GlideDateTime.format(created),
                "opened_at", GlideDateTime.format(created)));
        if (closed != null) {
            dates.put("closed_at", GlideDateTime.format(closed));
        }
        store.backdate(record.table(), record.sysId(), dates);
    }
}
