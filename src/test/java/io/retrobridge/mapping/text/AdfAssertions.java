package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Checks a document against the parts of the ADF schema we write: node nesting, marks and required fields. */
final class AdfAssertions {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "bulletList", "orderedList",
            "codeBlock", "rule");
    private static final Map<String, Set<String>> ALLOWED_CHILDREN = Map.of(
            "doc", BLOCKS,
            "paragraph", Set.of("text", "hardBreak"),
            "heading", Set.of("text", "hardBreak"),
            "bulletList", Set.of("listItem"),
            "orderedList", Set.of("listItem"),
            "listItem", Set.of("paragraph", "bulletList", "orderedList", "codeBlock"),
            "codeBlock", Set.of("text"));
    private static final Set<String> MARKS = Set.of("strong", "em", "code", "link");

    private AdfAssertions() {
    }

    static void assertValidAdf(JsonNode doc) {
        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(doc);
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            String type = node.path("type").asText();
            if (type.equals("text")) {
                assertText(node);
                continue;
            }
            if (type.equals("hardBreak") || type.equals("rule")) {
                continue;
            }
            Set<String> allowed = ALLOWED_CHILDREN.get(type);
            if (allowed == null) {
                fail("unexpected node type '%s' in %s", type, node);
            }
            assertThat(node.path("content").isArray()).as("content of %s is an array", type).isTrue();
            if (type.equals("listItem")) {
                assertThat(node.path("content").path(0).path("type").asText())
                        .as("a list item opens with a paragraph").isIn("paragraph", "codeBlock");
            }
            if (type.equals("heading")) {
                assertThat(node.path("attrs").path("level").asInt()).isBetween(1, 6);
            }
            for (JsonNode child : node.path("content")) {
                assertThat(child.path("type").asText()).as("child of %s", type).isIn(allowed);
                stack.push(child);
            }
        }
    }

    private static void assertText(JsonNode text) {
        assertThat(text.path("text").asText()).as("text nodes are never empty").isNotEmpty();
        JsonNode marks = text.path("marks");
        if (marks.isMissingNode()) {
            return;
        }
        assertThat(marks.isArray()).isTrue();
        boolean code = false;
        for (JsonNode mark : marks) {
            String type = mark.path("type").asText();
            assertThat(type).isIn(MARKS);
            code |= type.equals("code");
            if (type.equals("link")) {
                String href = mark.path("attrs").path("href").asText();
                assertThat(href).isNotBlank();
                assertThat(href.toLowerCase()).doesNotContain("javascript:");
            }
        }
        if (code) {
            for (JsonNode mark : marks) {
                assertThat(mark.path("type").asText()).as("code combines only with link").isIn("code", "link");
            }
        }
    }
}
