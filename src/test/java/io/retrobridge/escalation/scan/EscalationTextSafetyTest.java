package io.retrobridge.escalation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.jira.JiraPlainText;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.WikiText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Escalation texts are plain: what Jira Server/Data Center gets is wiki markup that shows the text as typed, and
 * a ServiceNow journal never sees a live [code] tag. (Jira Cloud documents are checked end to end in
 * {@code EscalationScanEndToEndTest}.)
 */
class EscalationTextSafetyTest {

    private static final String HOSTILE = "Alerting [re-approve here](https://evil.example) [re-approve|https://evil.example]"
            + " *urgent* {code}x{code} [code]<a href=\"https://evil.example\">ok</a>[/code]";

    @Test
    void jiraServerGetsWikiMarkupThatReadsBackAsTheTextTyped() {
        JsonNode wiki = JiraPlainText.of(HOSTILE, false);

        assertThat(wiki.isTextual()).isTrue();
        assertThat(wiki.asText()).as("no live wiki link, code block or bold").doesNotContain("[re-approve|")
                .doesNotContain(" *urgent*").doesNotContain(" {code}");
        String readBack = new PlainText().toExternal(new WikiText().toCanonical(wiki)).asText();
        assertThat(readBack).isEqualTo(HOSTILE);
    }

    @Test
    void jiraCloudGetsTextNodesOnly() {
        JsonNode doc = JiraPlainText.of(HOSTILE, true);

        assertThat(doc.toString()).doesNotContain("\"marks\"").doesNotContain("\"link\"").doesNotContain("codeBlock");
        StringBuilder text = new StringBuilder();
        doc.path("content").forEach(block -> block.path("content").forEach(inline -> text.append(inline.path("text").asText())));
        assertThat(text.toString()).isEqualTo(HOSTILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[code]<b>x</b>[/code]", "[CODE]<b>x</b>[/Code]", "[ code ]<b>x</b>[ / code ]"})
    void aJournalTextHasNoLiveCodeTagButReadsTheSame(String typed) {
        String written = JournalText.literal("Note: " + typed);

        assertThat(written.replaceAll("\\s", "").toLowerCase()).doesNotContain("[code]").doesNotContain("[/code]");
        assertThat(written.replace("\u200B", "")).isEqualTo("Note: " + typed);
        assertThat(JournalText.literal(written)).as("applying it twice changes nothing more").isEqualTo(written);
    }

    @Test
    void textWithoutTagsIsLeftAlone() {
        assertThat(JournalText.literal("[codes] and [encode] stay")).isEqualTo("[codes] and [encode] stay");
    }
}
