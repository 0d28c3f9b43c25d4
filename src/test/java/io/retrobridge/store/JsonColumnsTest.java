package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

/** Whatever text a field holds comes back from its JSON column exactly. */
class JsonColumnsTest {

    @Property(tries = 300)
    void fieldMapsSurviveTheirColumn(@ForAll Map<@StringLength(min = 1, max = 20) String,
            @WithNull(0.1) @StringLength(max = 200) String> fields) {
        assertThat(JsonColumns.toFields(JsonColumns.fromFields(fields), "test")).isEqualTo(fields);
    }

    @Property(tries = 300)
    void stringListsSurviveTheirColumn(@ForAll List<@StringLength(max = 50) String> values) {
        assertThat(JsonColumns.toStrings(JsonColumns.fromStrings(values), "test")).isEqualTo(values);
    }

    @Test
    void anUnreadableColumnSaysWhereItIs() {
        assertThatThrownBy(() -> JsonColumns.toFields("{not json", "the JIRA snapshot of link 42"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the JIRA snapshot of link 42");
    }
}
