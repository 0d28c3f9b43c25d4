package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WikiTextTest {

    private final WikiText wiki = new WikiText();

    private static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    @Test
    void realServerWebhookTextSurvivesTheRoundTrip() {
        List<String> seen = new ArrayList<>();
        for (Path file : Reference.files("jira/webhooks-server")) {
            JsonNode payload = Reference.read("jira/webhooks-server/" + file.getFileName());
            for (JsonNode value : List.of(payload.path("issue").path("fields").path("description"),
                    payload.path("issue").path("fields").path("summary"), payload.path("comment").path("body"))) {
                if (!value.isTextual()) {
                    continue;
                }
                String canonical = wiki.toCanonical(value);
                assertThat(canonical).isEqualTo(value.asText().strip());
                assertThat(wiki.toExternal(canonical).asText()).isEqualTo(value.asText());
                seen.add(value.asText());
            }
        }
        assertThat(seen).contains("Лалалалл 11233", "12345", "Info");
    }

    @Test
    void wikiMarkupBecomesCanonicalText() {
        String canonical = wiki.toCanonical(text("""
                h2. Follow-up
                The *pager* rota is _wrong_, see [runbook|https://wiki.example.com/rb] and run {{make check}}.
                Next line by [~jsmith]

                * one
                ** one.a
                * two
                # first

                {code:java}
                int x = 1;
                {code}
                {noformat}
                raw *text*
                {noformat}
                ||Owner||Due||
                |Ada|Friday|
                {color:red}red words{color}"""));

        assertThat(canonical).isEqualTo("""
                ## Follow-up

                The **pager** rota is _wrong_, see [runbook](https://wiki.example.com/rb) and run `make check`.
                Next line by @jsmith

                - one
                  - one.a
                - two

                1. first

                ```java
                int x = 1;
                ```

                ```
                raw *text*
                ```

                **Owner** | **Due**

                Ada | Friday

                red words""");
    }

    @Test
    void canonicalTextBecomesWikiMarkup() {
        String out = wiki.toExternal("""
                # Title

                Some **bold**, _italic_, `code` and [a link](https://example.com/a).
                Literal \\*stars\\* and {braces}

                - one
                  1. nested

                ```sql
                select 1;
                ```""").asText();

        assertThat(out).isEqualTo("""
                h1. Title

                Some *bold*, _italic_, {{code}} and [a link|https://example.com/a].
                Literal \\*stars\\* and \\{braces\\}

                * one
                *# nested

                {code:sql}
                select 1;
                {code}""");
    }

    @Test
    void unsafeLinksKeepOnlyTheirText() {
        assertThat(wiki.toCanonical(text("[click|javascript:alert(1)] and [javascript:alert(2)]")))
                .isEqualTo("click and javascript:alert(2)");
        assertThat(wiki.toExternal("[x](javascript:alert(1))").asText()).isEqualTo("x");
    }

    @Test
    void hostileWikiIsHandledQuickly() {
        String stars = "*a _b [c {{d ".repeat(80_000);
        assertThat(stars.length()).isGreaterThan(1_000_000);
        assertThat(wiki.toCanonical(text(stars)).length()).isGreaterThan(1_000_000);

        StringBuilder deep = new StringBuilder();
        for (int level = 1; level <= 1000; level++) {
            deep.append("*".repeat(level)).append(" level ").append(level).append('\n');
        }
        String canonical = wiki.toCanonical(text(deep.toString()));
        assertThat(canonical).contains("level 1").contains("level 1000");
        assertThat(wiki.toExternal(canonical).asText()).contains("level 1000");
    }

    @Provide
    Arbitrary<RichText> documents() {
        // Wiki lists always count from one.
        return CanonicalDocuments.documents().map(WikiTextTest::listsFromOne);
    }

    @Property(tries = 200)
    void canonicalToWikiAndBackIsIdentity(@ForAll("documents") RichText document) {
        String canonical = CanonicalWriter.write(document);

        assertThat(wiki.toCanonical(wiki.toExternal(canonical))).isEqualTo(canonical);
    }

    private static RichText listsFromOne(RichText doc) {
        return new RichText(doc.blocks().stream().map(WikiTextTest::fromOne).toList());
    }

    private static RichText.Block fromOne(RichText.Block block) {
        if (block instanceof RichText.ListBlock list) {
            return new RichText.ListBlock(list.ordered(), 1, list.items().stream()
                    .map(item -> new RichText.ListItem(item.blocks().stream().map(WikiTextTest::fromOne).toList()))
                    .toList());
        }
        return block;
    }
}
