package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void fillsEveryPlaceholderItHasAValueFor() {
        String text = renderer.render("{{item.key}} is {{days-overdue}} {{ day-count }} overdue ({{item.key}})",
                Map.of("item.key", "PAY-12", "days-overdue", "3", "day-count", "business days"));

        assertThat(text).isEqualTo("PAY-12 is 3 business days overdue (PAY-12)");
    }

    @Test
    void aMissingOrBlankValueShowsAsADashNeverAsNull() {
        Map<String, String> values = new HashMap<>();
        values.put("owner", null);
        values.put("team", "  ");

        assertThat(renderer.render("Owner {{owner}}, team {{team}}, change {{change-record}}", values))
                .isEqualTo("Owner —, team —, change —");
    }

    @Test
    void valuesAreInsertedLiterallyAndNeverExpandedAgain() {
        String text = renderer.render("{{item.title}} by {{owner}}",
                Map.of("item.title", "Fix {{owner}} lookup $1 \\ done", "owner", "Ann"));

        assertThat(text).isEqualTo("Fix {{owner}} lookup $1 \\ done by Ann");
    }

    @Test
    void controlCharactersAreDroppedButNewlinesAndTabsKept() {
        String text = renderer.render("[{{v}}]", Map.of("v", "a\u0000b\u001Bc\r\nd\te\u007Ff\rg"));

        assertThat(text).isEqualTo("[abc\nd\tefg]");
    }

    @Test
    void longValuesAreCappedWithAnEllipsis() {
        String text = renderer.render("{{v}}!", Map.of("v", "x".repeat(5_000)));

        assertThat(text).hasSize(TemplateRenderer.DEFAULT_MAX_VALUE_LENGTH + 1).endsWith("x…!");
        assertThat(renderer.render("{{v}}", Map.of("v", "y".repeat(2_000)))).isEqualTo("y".repeat(2_000));
    }

    @Test
    void theCapNeverSplitsACharacter() {
        TemplateRenderer small = new TemplateRenderer(4);

        assertThat(small.clean("ab\uD83D\uDE00cd")).isEqualTo("ab…");
        assertThat(small.clean("abc\uD83D\uDE00")).as("5 chars").isEqualTo("abc…");
        assertThat(new TemplateRenderer(5).clean("abc\uD83D\uDE00")).isEqualTo("abc\uD83D\uDE00");
    }

    @Test
    void textWithoutPlaceholdersIsUnchangedAndNullsAreRefused() {
        assertThat(renderer.render("{ not one } {{}}", Map.of())).isEqualTo("{ not one } {{}}");
        assertThatThrownBy(() -> renderer.render(null, Map.of())).hasMessageContaining("template");
        assertThatThrownBy(() -> new TemplateRenderer(1)).hasMessageContaining("maxValueLength");
    }

    @Property(tries = 300)
    void anyValueComesOutWithoutControlCharactersAndWithinTheCap(@ForAll String value) {
        String text = renderer.render("{{v}}", Map.of("v", value));

        assertThat(text.length()).isLessThanOrEqualTo(TemplateRenderer.DEFAULT_MAX_VALUE_LENGTH);
        assertThat(text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t')).isEmpty();
        boolean plain = !value.isBlank() && value.length() <= TemplateRenderer.DEFAULT_MAX_VALUE_LENGTH
                && value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
        if (plain) {
            assertThat(text).isEqualTo(value);
        }
    }
}
