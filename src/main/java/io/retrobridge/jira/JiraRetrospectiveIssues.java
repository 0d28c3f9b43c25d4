package io.retrobridge.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.WikiText;
import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Retrospectives as Jira issues of the configured project and type, marked with a label. */
@Component
class JiraRetrospectiveIssues implements RetrospectiveIssues {

    private final JiraClient jira;
    /** Links go into record texts: never with the user info a base URL may carry. */
    private final URI browseBase;

    JiraRetrospectiveIssues(JiraClient jira, JiraProperties properties) {
        this.jira = jira;
        this.browseBase = UrlUserInfo.without(properties.baseUrl());
    }

    @Override
    public Optional<Issue> findOurs(String project, String marker) {
        return jira.findByLabel(project, marker, List.of("summary", "creator")).stream()
                .filter(issue -> jira.isIntegrationAccount(issue.fields().path("creator")))
                .findFirst()
                .map(this::issue);
    }

    @Override
    public Issue open(String project, String issueType, String summary, List<String> labels, String descriptionAdf) {
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", summary);
        fields.set("description", description(descriptionAdf));
        ArrayNode labelArray = fields.putArray("labels");
        labels.forEach(labelArray::add);
        return issue(jira.create(fields));
    }

    @Override
    public Optional<Issue> find(String idOrKey) {
        return jira.find(idOrKey, List.of("summary")).map(this::issue);
    }

    @Override
    public String browseUrl(String key) {
        return browseBase.resolve("/browse/" + key).toString();
    }

    /** Cloud takes the document as it is; Server/Data Center gets the wiki markup of what it says. */
    private JsonNode description(String adf) {
        JsonNode document;
        try {
            document = JiraPayloads.JSON.readTree(adf);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a retrospective's description is not an ADF document: "
                    + e.getOriginalMessage(), e);
        }
        return jira.isCloud() ? document
                : TextNode.valueOf(new WikiText().toExternal(new AdfText().toCanonical(document)).asText());
    }

    private Issue issue(JiraIssue issue) {
        return new Issue(issue.id(), issue.key(), browseUrl(issue.key()));
    }
}
