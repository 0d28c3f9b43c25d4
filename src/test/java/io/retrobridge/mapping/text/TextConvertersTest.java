package io.retrobridge.mapping.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextConvertersTest {

    @Test
    void findsEachFormatByName() {
        assertThat(TextConverters.byName("adf")).isInstanceOf(AdfText.class);
        assertThat(TextConverters.byName("wiki")).isInstanceOf(WikiText.class);
        assertThat(TextConverters.byName(" HTML ")).isInstanceOf(HtmlText.class);
        assertThat(TextConverters.byName("plain")).isInstanceOf(PlainText.class);
        assertThat(TextConverters.names()).containsExactly("adf", "html", "plain", "wiki");
    }

    @Test
    void unknownNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> TextConverters.byName("markdown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'markdown'")
                .hasMessageContaining("[adf, html, plain, wiki]");
        assertThatThrownBy(() -> TextConverters.byName(null)).hasMessageContaining("[adf, html, plain, wiki]");
    }

    @Test
    void aJiraCommentReachesServiceNowAndComesBack() {
        var issue = Reference.read("jira/samples/comment-post.request.json");
        String canonical = TextConverters.byName("adf").toCanonical(issue.path("body"));

        var workNote = TextConverters.byName("html").toExternal(canonical);
        String back = TextConverters.byName("html").toCanonical(workNote);

        assertThat(workNote.asText()).startsWith("[code]<p>Lorem ipsum dolor sit amet");
        assertThat(TextConverters.byName("adf").toExternal(back)).isEqualTo(issue.path("body"));
    }
}
