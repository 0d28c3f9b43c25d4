package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.retrobridge.mapping.text.AdfAssertions.assertValidAdf;
import static org.assertj.core.api.Assertions.assertThat;

class AdfTextTest {

    private final AdfText adf = new AdfText();

    @ParameterizedTest
    @ValueSource(strings = {"issue-get.response-200.json", "issue-create.request.json", "comment-post.request.json",
            "comments-get.response-200.json", "comment-post.response-201.json", "issue-edit.request.json",
            "transition-post.request.json"})
    void realJiraDocumentsSurviveTheRoundTripThroughCanonicalText(String sample) {
        List<JsonNode> docs = Reference.adfDocuments(Reference.read("jira/samples/" + sample));
        assertThat(docs).as("ADF documents in %s", sample).isNotEmpty();
        for (JsonNode doc : docs) {
            String canonical = adf.toCanonical(doc);
            assertThat(canonical).isNotBlank();
            JsonNode back = adf.toExternal(canonical);
            assertThat(back).isEqualTo(doc);
            assertValidAdf(back);
        }
    }

    @Test
    void issueDescriptionReadsAsItsText() {
        JsonNode issue = Reference.read("jira/samples/issue-get.response-200.json");
        assertThat(adf.toCanonical(issue.path("fields").path("description"))).isEqualTo("Main order flow broken");
    }

    @Test
    void everySampleFileWithDocumentsIsCovered() {
        List<String> withDocs = new ArrayList<>();
        for (Path file : Reference.files("jira/samples")) {
            if (!Reference.adfDocuments(Reference.read("jira/samples/" + file.getFileName())).isEmpty()) {
                withDocs.add(file.getFileName().toString());
            }
        }
        assertThat(withDocs).containsExactlyInAnyOrder("issue-get.response-200.json", "issue-create.request.json",
                "comment-post.request.json", "comments-get.response-200.json", "comment-post.response-201.json",
                "issue-edit.request.json", "transition-post.request.json");
    }

    @Test
    void marksListsCodeAndHeadingsBecomeCanonicalMarkdown() throws Exception {
        JsonNode doc = Reference.JSON.readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Action items"}]},
                  {"type":"paragraph","content":[
                    {"type":"text","text":"Fix "},
                    {"type":"text","text":"the pager","marks":[{"type":"strong"}]},
                    {"type":"text","text":" rota, see "},
                    {"type":"text","text":"runbook","marks":[{"type":"link","attrs":{"href":"https://wiki.example.com/rb"}}]},
                    {"type":"text","text":" and run "},
                    {"type":"text","text":"make check","marks":[{"type":"code"}]},
                    {"type":"hardBreak"},
                    {"type":"text","text":"soon","marks":[{"type":"em"}]}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]},
                      {"type":"orderedList","attrs":{"order":1},"content":[
                        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"first"}]}]}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]},
                  {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"int x = 1;\\nx++;"}]}
                ]}""");

        String canonical = adf.toCanonical(doc);

        assertThat(canonical).isEqualTo("""
                ## Action items

                Fix **the pager** rota, see [runbook](https://wiki.example.com/rb) and run `make check`
                _soon_

                - one
                  1. first
                - two

                ```java
                int x = 1;
                x++;
                ```""");
        assertThat(adf.toExternal(canonical)).isEqualTo(doc);
    }

    @Test
    void nodesCanonicalTextCannotExpressDegradeToReadableText() throws Exception {
        JsonNode doc = Reference.JSON.readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[
                    {"type":"mention","attrs":{"id":"5b10a2844c20165700ede21g","text":"@Ada Lovelace"}},
                    {"type":"text","text":" please look "},
                    {"type":"emoji","attrs":{"shortName":":smile:","text":"😄"}},
                    {"type":"text","text":" at "},
                    {"type":"inlineCard","attrs":{"url":"https://example.atlassian.net/browse/RB-7"}},
                    {"type":"text","text":" by "},
                    {"type":"date","attrs":{"timestamp":"1767225600000"}},
                    {"type":"text","text":" struck","marks":[{"type":"strike"}]}]},
                  {"type":"panel","attrs":{"panelType":"info"},"content":[
                    {"type":"paragraph","content":[{"type":"text","text":"Inside a panel"}]}]},
                  {"type":"table","content":[
                    {"type":"tableRow","content":[
                      {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Owner"}]}]},
                      {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Due"}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Ada"}]}]},
                      {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Friday"}]}]}]}]},
                  {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"abc-123","type":"file","collection":"c","alt":"graph.png"}}]},
                  {"type":"someFutureNode","attrs":{"x":1}}
                ]}""");

        String canonical = adf.toCanonical(doc);

        assertThat(canonical).contains("@Ada Lovelace please look 😄 at "
                        + "[https://example.atlassian.net/browse/RB-7](https://example.atlassian.net/browse/RB-7)"
                        + " by 2026-01-01 struck")
                .contains("Inside a panel")
                .contains("**Owner** | **Due**")
                .contains("Ada | Friday")
                .contains("\\[attachment: graph.png\\]")
                .contains("\\[someFutureNode\\]");
        assertValidAdf(adf.toExternal(canonical));
    }

    @Test
    void javascriptLinksKeepTheirTextButLoseTheLink() throws Exception {
        JsonNode doc = Reference.JSON.readTree("""
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                  {"type":"text","text":"click me","marks":[{"type":"link","attrs":{"href":" JavaScript:alert(1)"}}]}]}]}""");

        assertThat(adf.toCanonical(doc)).isEqualTo("click me");
        JsonNode out = adf.toExternal("[click me](javascript:alert(1)) and [x](java\tscript:alert(2)) "
                + "and [d](data:text/html;base64,PHNjcmlwdD4=)");
        assertValidAdf(out);
        assertThat(out.toString()).doesNotContain("javascript").doesNotContain("data:").contains("click me");
    }

    @Test
    void markupInsideJiraTextStaysLiteralText() throws Exception {
        JsonNode doc = Reference.JSON.readTree("""
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                  {"type":"text","text":"<script>alert(1)</script> *not bold* [not](a link) # 1. - `x`"}]}]}""");

        String canonical = adf.toCanonical(doc);

        assertThat(adf.toExternal(canonical)).isEqualTo(doc);
        assertThat(canonical).startsWith("\\<script>alert(1)\\</script> \\*not bold\\*");
    }

    @Test
    void oneMegabyteOfTextConvertsBothWays() {
        String big = "word *star* _under_ [bracket] <tag> ".repeat(30_000);
        assertThat(big.length()).isGreaterThan(1_000_000);

        JsonNode out = adf.toExternal(big);
        String back = adf.toCanonical(out);

        assertValidAdf(out);
        assertThat(back.length()).isGreaterThan(900_000);
        assertThat(adf.toExternal(back)).isEqualTo(out);
    }

    @Test
    void thousandLevelsOfNestedAdfListsAreFlattenedNotLost() {
        ObjectNode doc = Reference.JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (int level = 0; level < 1000; level++) {
            ObjectNode list = content.addObject().put("type", "bulletList");
            ObjectNode item = list.putArray("content").addObject().put("type", "listItem");
            content = item.putArray("content");
            content.addObject().put("type", "paragraph").putArray("content")
                    .addObject().put("type", "text").put("text", "level " + level);
        }

        String canonical = adf.toCanonical(doc);

        assertThat(canonical).contains("level 0").contains("level 999");
        assertValidAdf(adf.toExternal(canonical));
    }

    @Test
    void thousandLevelsOfNestedCanonicalListsDoNotOverflowTheStack() {
        StringBuilder canonical = new StringBuilder();
        for (int level = 0; level < 1000; level++) {
            canonical.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }

        JsonNode out = adf.toExternal(canonical.toString());

        assertValidAdf(out);
        String back = adf.toCanonical(out);
        assertThat(back).contains("level 0").contains("level 999");
    }

    @Test
    void plainStringsFromOlderFieldsAreReadAsPlainText() {
        assertThat(adf.toCanonical(com.fasterxml.jackson.databind.node.TextNode.valueOf("a *b*\nc")))
                .isEqualTo("a \\*b\\*\nc");
        assertThat(adf.toCanonical(null)).isEmpty();
    }
}
