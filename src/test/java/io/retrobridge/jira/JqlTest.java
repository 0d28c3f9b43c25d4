package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JqlTest {

    @Test
    void buildsAPollQueryInTheUsersTimeZone() {
        String jql = Jql.query().fragment("project = PAY AND labels = retro-action")
                .atOrAfter("updated", Instant.parse("2026-11-25T23:30:59Z"), ZoneId.of("Europe/Berlin"))
                .orderBy("updated", true).orderBy("key", true).build();

        assertThat(jql).isEqualTo(
                "(project = PAY AND labels = retro-action) AND updated >= \"2026/11/26 00:30\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void hostileValuesStayInsideTheirQuotes() {
        String jql = Jql.query().eq("labels", "x\" OR project = SECRET OR labels = \"y")
                .in("key", List.of("PAY-1", "a\\\" OR 1=1")).build();

        assertThat(jql).isEqualTo("labels = \"x\\\" OR project = SECRET OR labels = \\\"y\" AND "
                + "key in (\"PAY-1\", \"a\\\\\\\" OR 1=1\")");
    }

    @Test
    void refusesWhatCouldNotBeQuotedSafely() {
        assertThatThrownBy(() -> Jql.query().eq("summary", "line\nbreak")).hasMessageContaining("line break");
        assertThatThrownBy(() -> Jql.query().eq("summary ~ x OR key", "v")).hasMessageContaining("not a JQL field name");
        assertThatThrownBy(() -> Jql.query().build()).hasMessageContaining("unbounded");
        assertThatThrownBy(() -> Jql.query().fragment("project = PAY ORDER BY key")).hasMessageContaining("ORDER BY");
    }

    /** Reading a built literal back the way JQL does yields exactly the value: nothing escapes the quotes. */
    @Property(tries = 500)
    void everyQuotedValueReadsBackUnchanged(@ForAll String value) {
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            assertThatThrownBy(() -> Jql.literal(value)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        String literal = Jql.literal(value);

        assertThat(readJqlString(literal)).isEqualTo(value);
    }

    private static String readJqlString(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                out.append(literal.charAt(++i));
            } else {
                assertThat(c).as("unescaped quote inside %s", literal).isNotEqualTo('"');
                out.append(c);
            }
        }
        return out.toString();
    }
}
