package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextTest {

    private final PlainText plain = new PlainText();

    @Test
    void canonicalBecomesReadablePlainText() {
        String out = plain.toExternal("""
                ## Follow-up

                Fix **the pager** rota, see [runbook](https://wiki.example.com/rb) and https://x.example.com.
                Second line with `code`

                - one
                  1. first
                - two

                ```
                make check
                ```""").asText();

        assertThat(out).isEqualTo("""
                Follow-up

                Fix the pager rota, see runbook (https://wiki.example.com/rb) and https://x.example.com.
                Second line with code

                - one
                  1. first
                - two

                make check""");
    }

    @Test
    void plainTextKeepsItsLinesAndItsCharactersLiterally() {
        String description = "Steps:\n1. open *Orders*\n2. pick supplier_id <b>\n\nExpected: no [error]\nActual: 500";

        String canonical = plain.toCanonical(TextNode.valueOf(description));

        assertThat(canonical).isEqualTo(
                "Steps:\n\n1. open \\*Orders\\*\n2. pick supplier\\_id \\<b>\n\nExpected: no \\[error\\]\nActual: 500");
        assertThat(plain.toExternal(canonical).asText())
                .isEqualTo("Steps:\n\n1. open *Orders*\n2. pick supplier_id <b>\n\nExpected: no [error]\nActual: 500");
    }

    @Test
    void plainToCanonicalToPlainKeepsBulletsAndNesting() {
        String text = "Actions\n\n- renew certificate\n  - add alert\n- update runbook";

        assertThat(plain.toExternal(plain.toCanonical(TextNode.valueOf(text))).asText()).isEqualTo(text);
    }

    @Test
    void objectsAreRefusedWithAHint() {
        assertThatThrownBy(() -> plain.toCanonical(Reference.JSON.createObjectNode().put("type", "doc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects a JSON string")
                .hasMessageContaining("'adf' converter");
    }

    @Test
    void hostileInputStaysInert() {
        String big = "line <script>x</script>\n".repeat(50_000);
        String canonical = plain.toCanonical(TextNode.valueOf(big));
        String rendered = org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(canonical));
        assertThat(rendered.contains("<script>")).as("canonical text rendered as Markdown has a script tag").isFalse();
        assertThat(plain.toExternal(canonical).asText()).isEqualTo(big.strip());

        StringBuilder lines = new StringBuilder();
        for (int level = 0; level < 1000; level++) {
            lines.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        assertThat(plain.toCanonical(TextNode.valueOf(lines.toString()))).contains("level 999");
        assertThat(plain.toExternal("[x](javascript:alert(1))").asText()).isEqualTo("x");
    }
}
