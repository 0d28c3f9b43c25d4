package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Turns issues, users, statuses, comments and transitions into the JSON Jira Cloud REST v3 answers with. */
final class IssueRenderer {

    private final String api;
    private final JiraAccounts accounts;

    IssueRenderer(URI baseUrl, JiraAccounts accounts) {
        this.api = baseUrl + "/rest/api/3";
        this.accounts = accounts;
    }

    ObjectNode user(JiraUser user) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/user?accountId=" + user.accountId());
        node.put("accountId", user.accountId());
        node.put("accountType", "atlassian");
        if (!user.email().isEmpty()) {
            node.put("emailAddress", user.email());
        }
        ObjectNode avatars = node.putObject("avatarUrls");
        for (String size : new String[] {"48x48", "24x24", "16x16", "32x32"}) {
            avatars.put(size, api.replace("/rest/api/3", "") + "/avatars/" + user.accountId() + "?size=" + size);
        }
        node.put("displayName", user.displayName());
        node.put("active", true);
        node.put("timeZone", "UTC");
        return node;
    }

    /** {@code GET /myself}: the user plus locale, groups and application roles. */
    ObjectNode myself(JiraUser user) {
        ObjectNode node = user(user);
        node.put("locale", "en_US");
        ObjectNode groups = node.putObject("groups");
        groups.put("size", 1);
        groups.putArray("items");
        ObjectNode roles = node.putObject("applicationRoles");
        roles.put("size", 1);
        roles.putArray("items");
        return node;
    }

    ObjectNode status(JiraCatalog.Status status) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/status/" + status.id());
        node.put("description", "");
        node.put("iconUrl", api.replace("/rest/api/3", "") + "/images/icons/statuses/generic.png");
        node.put("name", status.name());
        node.put("id", status.id());
        ObjectNode category = node.putObject("statusCategory");
        category.put("self", api + "/statuscategory/" + status.category().id());
        category.put("id", status.category().id());
        category.put("key", status.category().key());
        category.put("colorName", status.category().colorName());
        category.put("name", status.category().name());
        return node;
    }

    ObjectNode issue(Issue issue, FieldSelection fields) {
        ObjectNode node = SandboxJson.object();
        node.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        node.put("id", issue.id);
        node.put("self", api + "/issue/" + issue.id);
        node.put("key", issue.key);
        if (fields.isEmpty()) {
            return node;
        }
        ObjectNode out = node.putObject("fields");
        for (String field : fields.inOrder()) {
            switch (field) {
                case "summary" -> out.put("summary", issue.summary);
                case "issuetype" -> out.set("issuetype", issueType(issue.issueType));
                case "project" -> out.set("project", project(issue.project));
                case "status" -> out.set("status", status(issue.status));
                case "priority" -> out.set("priority", priority(issue.priority));
                case "assignee" -> out.set("assignee", userOrNull(issue.assigneeId));
                case "reporter" -> out.set("reporter", userOrNull(issue.reporterId));
                case "creator" -> out.set("creator", userOrNull(issue.creatorId));
                case "labels" -> issue.labels.forEach(out.putArray("labels")::add);
                case "components" -> {
                    ArrayNode components = out.putArray("components");
                    issue.components.forEach(c -> components.addObject().put("self", api + "/component/" + c.id())
                            .put("id", c.id()).put("name", c.name()));
                }
                case "description" -> out.set("description", issue.description);
                case "duedate" -> out.put("duedate", JiraTime.date(issue.duedate));
                case "created" -> out.put("created", JiraTime.timestamp(issue.created));
                case "updated" -> out.put("updated", JiraTime.timestamp(issue.updated));
                case "resolution" -> out.set("resolution", issue.resolution == null ? null : resolution(issue.resolution));
                case "resolutiondate" -> out.put("resolutiondate", JiraTime.timestamp(issue.resolutionDate));
                case "statuscategorychangedate" -> out.put("statuscategorychangedate",
                        JiraTime.timestamp(issue.statusChanged));
                case "comment" -> out.set("comment", comments(issue, issue.comments, 0, issue.comments.size()));
                case "fixVersions" -> {
                    ArrayNode versions = out.putArray("fixVersions");
                    issue.fixVersions.forEach(v -> versions.add(version(v)));
                }
                case FieldEdits.SPRINT_FIELD -> {
                    if (issue.sprint == null) {
                        out.putNull(FieldEdits.SPRINT_FIELD);
                    } else {
                        out.putArray(FieldEdits.SPRINT_FIELD).add(sprint(issue.sprint));
                    }
                }
                default -> throw new IllegalStateException("unrendered field " + field);
            }
        }
        return node;
    }

    ObjectNode comment(String issueId, Comment comment) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/issue/" + issueId + "/comment/" + comment.id());
        node.put("id", comment.id());
        node.set("author", userOrNull(comment.authorId()));
        node.set("body", comment.body());
        node.set("updateAuthor", userOrNull(comment.authorId()));
        node.put("created", JiraTime.timestamp(comment.created()));
        node.put("updated", JiraTime.timestamp(comment.updated()));
        if (comment.visibility() != null) {
            node.set("visibility", comment.visibility());
        }
        node.put("jsdPublic", true);
        return node;
    }

    /** The page of comments {@code GET .../comment} answers, also used for the {@code comment} field. */
    ObjectNode comments(Issue issue, List<Comment> all, int startAt, int maxResults) {
        ObjectNode node = SandboxJson.object();
        ArrayNode list = node.putArray("comments");
        all.stream().skip(startAt).limit(maxResults).forEach(c -> list.add(comment(issue.id, c)));
        node.put("self", api + "/issue/" + issue.id + "/comment");
        node.put("maxResults", maxResults);
        node.put("total", all.size());
        node.put("startAt", startAt);
        return node;
    }

    ObjectNode transitions(Issue issue, JiraWorkflow workflow, boolean withFields) {
        ObjectNode node = SandboxJson.object();
        node.put("expand", "transitions");
        ArrayNode list = node.putArray("transitions");
        for (JiraWorkflow.Transition t : workflow.availableFrom(issue.status)) {
            ObjectNode transition = list.addObject();
            transition.put("id", t.id());
            transition.put("name", t.name());
            transition.set("to", status(t.to()));
            transition.put("hasScreen", workflow.hasScreen(t));
            transition.put("isGlobal", true);
            transition.put("isInitial", false);
            transition.put("isAvailable", true);
            transition.put("isConditional", false);
            transition.put("isLooped", false);
            if (withFields) {
                ObjectNode fields = transition.putObject("fields");
                for (String field : workflow.screenFields(t)) {
                    fields.set(field, fieldMeta(field, workflow.requiredFields(t).contains(field)));
                }
            }
        }
        return node;
    }

    private ObjectNode fieldMeta(String field, boolean required) {
        ObjectNode meta = SandboxJson.object();
        meta.put("required", required);
        ObjectNode schema = meta.putObject("schema");
        schema.put("type", switch (field) {
            case "assignee" -> "user";
            case "duedate" -> "date";
            case "labels" -> "array";
            default -> field;
        });
        schema.put("system", field);
        meta.put("name", Character.toUpperCase(field.charAt(0)) + field.substring(1));
        meta.put("key", field);
        meta.put("hasDefaultValue", false);
        meta.putArray("operations").add("set");
        if (field.equals("resolution")) {
            ArrayNode allowed = meta.putArray("allowedValues");
            JiraCatalog.RESOLUTIONS.forEach(r -> allowed.add(resolution(r)));
        }
        return meta;
    }

    private ObjectNode userOrNull(String accountId) {
        Optional<JiraUser> user = accounts.byId(accountId);
        return user.map(this::user).orElse(null);
    }

    private ObjectNode issueType(JiraCatalog.IssueType type) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/issuetype/" + type.id());
        node.put("id", type.id());
        node.put("description", type.description());
        node.put("iconUrl", api.replace("/rest/api/3", "") + "/images/icons/issuetypes/" + type.name().toLowerCase() + ".svg");
        node.put("name", type.name());
        node.put("subtask", false);
        node.put("hierarchyLevel", type.hierarchyLevel());
        return node;
    }

    private ObjectNode project(JiraProject project) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/project/" + project.id());
        node.put("id", project.id());
        node.put("key", project.key());
        node.put("name", project.name());
        node.put("projectTypeKey", "software");
        node.put("simplified", false);
        ObjectNode avatars = node.putObject("avatarUrls");
        for (String size : new String[] {"48x48", "24x24", "16x16", "32x32"}) {
            avatars.put(size, api.replace("/rest/api/3", "") + "/secure/projectavatar?pid=" + project.id() + "&size=" + size);
        }
        return node;
    }

    private ObjectNode priority(JiraCatalog.Priority priority) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/priority/" + priority.id());
        node.put("iconUrl", api.replace("/rest/api/3", "") + "/images/icons/priorities/" + priority.name().toLowerCase() + ".svg");
        node.put("name", priority.name());
        node.put("id", priority.id());
        return node;
    }

    private ObjectNode resolution(JiraCatalog.Resolution resolution) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/resolution/" + resolution.id());
        node.put("id", resolution.id());
        node.put("description", resolution.description());
        node.put("name", resolution.name());
        return node;
    }

    /** A project version as the versions list and an issue's {@code fixVersions} show it. */
    ObjectNode version(JiraReleases.Version version) {
        ObjectNode node = SandboxJson.object();
        node.put("self", api + "/version/" + version.id());
        node.put("id", version.id());
        node.put("description", version.description());
        node.put("name", version.name());
        node.put("archived", version.archived());
        node.put("released", version.released());
        if (version.releaseDate() != null) {
            node.put("releaseDate", version.releaseDate().toString());
        }
        node.put("projectId", Long.parseLong(version.projectId()));
        return node;
    }

    /** A sprint as Jira Cloud shows it in the Sprint field; the Agile API adds {@code self} and {@code originBoardId}. */
    ObjectNode sprint(JiraReleases.Sprint sprint) {
        ObjectNode node = SandboxJson.object();
        node.put("id", sprint.id());
        node.put("name", sprint.name());
        node.put("state", sprint.state());
        node.put("boardId", sprint.boardId());
        node.put("goal", sprint.goal());
        if (sprint.startDate() != null) {
            node.put("startDate", sprint.startDate().toString());
        }
        if (sprint.endDate() != null) {
            node.put("endDate", sprint.endDate().toString());
        }
        return node;
    }
}
