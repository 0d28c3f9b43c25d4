package io.retrobridge.sandbox.jira;

import java.util.List;
import java.util.Optional;

/**
 * The site-wide values a fresh Jira Cloud site has: the statuses of its simple workflow with their
 * categories, priorities, resolutions and the issue types Task, Bug and Epic, each with Jira's ids.
 */
final class JiraCatalog {

    record StatusCategory(int id, String key, String name, String colorName) {
    }

    record Status(String id, String name, StatusCategory category) {
    }

    record Priority(String id, String name) {
    }

    record Resolution(String id, String name, String description) {
    }

    record IssueType(String id, String name, String description, int hierarchyLevel) {
    }

    static final StatusCategory NEW = new StatusCategory(2, "new", "To Do", "blue-gray");
    static final StatusCategory IN_FLIGHT = new StatusCategory(4, "indeterminate", "In Progress", "yellow");
    static final StatusCategory COMPLETE = new StatusCategory(3, "done", "Done", "green");

    static final Status TO_DO = new Status("10000", "To Do", NEW);
    static final Status IN_PROGRESS = new Status("10001", "In Progress", IN_FLIGHT);
    static final Status DONE = new Status("10002", "Done", COMPLETE);
    /** Jira Service Management and business workflows close work that will not be done this way. */
    static final Status CANCELLED = new Status("10003", "Cancelled", COMPLETE);
    static final List<Status> STATUSES = List.of(TO_DO, IN_PROGRESS, DONE, CANCELLED);

    static final List<Priority> PRIORITIES = List.of(new Priority("1", "Highest"), new Priority("2", "High"),
            new Priority("3", "Medium"), new Priority("4", "Low"), new Priority("5", "Lowest"));
    static final Priority DEFAULT_PRIORITY = PRIORITIES.get(2);

    static final Resolution DONE_RESOLUTION = new Resolution("10000", "Done", "Work has been completed on this issue.");
    static final Resolution WONT_DO_RESOLUTION = new Resolution("10001", "Won't Do", "This issue won't be actioned.");
    static final List<Resolution> RESOLUTIONS = List.of(DONE_RESOLUTION, WONT_DO_RESOLUTION,
            new Resolution("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
            new Resolution("10003", "Cannot Reproduce", "This issue could not be reproduced."));

    static final List<IssueType> ISSUE_TYPES = List.of(
            new IssueType("10001", "Task", "A small, distinct piece of work.", 0),
            new IssueType("10002", "Bug", "A problem or error.", 0),
            new IssueType("10000", "Epic", "A big user story that needs to be broken down.", 1));

    private JiraCatalog() {
    }

    static Optional<Status> status(String idOrName) {
        return STATUSES.stream().filter(s -> s.id().equals(idOrName) || s.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    static Optional<Priority> priority(String id, String name) {
        return PRIORITIES.stream().filter(p -> p.id().equals(id) || p.name().equals(name)).findFirst();
    }

    static Optional<Resolution> resolution(String id, String name) {
        return RESOLUTIONS.stream().filter(r -> r.id().equals(id) || r.name().equals(name)).findFirst();
    }

    static Optional<IssueType> issueType(String idOrName) {
        return ISSUE_TYPES.stream()
                .filter(t -> t.id().equals(idOrName) || t.name().equalsIgnoreCase(idOrName))
                .findFirst();
    }
}
