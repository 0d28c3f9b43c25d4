package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.TextConverter;
import io.retrobridge.mapping.text.WikiText;
import io.retrobridge.sync.CommentGateway;
import io.retrobridge.sync.SideComment;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Comments on Jira issues: Atlassian documents on Cloud, wiki markup on Server/Data Center. */
@Component
public class JiraComments implements CommentGateway {

    static final String KIND = "comment";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final TextConverter ADF = new AdfText();
    private static final TextConverter WIKI = new WikiText();

    private final JiraClient jira;

    JiraComments(JiraClient jira) {
        this.jira = jira;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public List<SideComment> comments(String id, ActionItemMapping mapping) {
        return jira.comments(id).stream().map(this::comment).toList();
    }

    private SideComment comment(JiraComment comment) {
        return new SideComment(comment.id(), KIND,
                comment.authorName() != null ? comment.authorName() : comment.authorAccountId(),
                firstLine(comment.body()), () -> jira.integrationAccountId().equals(comment.authorAccountId()),
                () -> (jira.isCloud() || !comment.body().isTextual() ? ADF : WIKI).toCanonical(comment.body()));
    }

    @Override
    public Optional<String> addCopy(String id, String marker, String canonicalText, ActionItemMapping mapping) {
        return Optional.of(jira.addComment(id, body(marker, canonicalText)).id());
    }

    @Override
    public boolean hasCommentsToCarry(String id, String eventKind, String eventPayload, ActionItemMapping mapping) {
        return !PolledIssues.comments(eventKind, eventPayload).orElseGet(() -> jira.comments(id)).isEmpty();
    }

    @Override
    public String displayKey(String id, ActionItemMapping mapping) {
        return jira.find(id, List.of("summary")).map(JiraIssue::key).orElse(id);
    }

    /** The marker as its own plain paragraph (never read as markup), then the text. */
    private JsonNode body(String marker, String canonical) {
        if (!jira.isCloud()) {
            String wiki = canonical.isBlank() ? NO_TEXT : WIKI.toExternal(canonical).asText();
            return TextNode.valueOf(marker + "\n\n" + wiki);
        }
        ObjectNode doc = canonical.isBlank() ? (ObjectNode) ADF.toExternal(NO_TEXT) : (ObjectNode) ADF.toExternal(canonical);
        ArrayNode content = doc.withArray("content");
        ObjectNode paragraph = JSON.objectNode().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", marker);
        content.insert(0, paragraph);
        return doc;
    }

    /** The text of the first paragraph of an Atlassian document, or the first line of a wiki-markup string. */
    public static String firstLine(JsonNode body) {
        if (body == null) {
            return "";
        }
        if (body.isTextual()) {
            String text = body.asText().stripLeading();
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
        JsonNode first = body.path("content").path(0);
        StringBuilder text = new StringBuilder();
        first.path("content").forEach(inline -> text.append(inline.path("text").asText("")));
        return text.toString();
    }
}
