package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedQueryTest {

    @Test
    void buildsAPollQueryInUtcOrderedByUpdate() {
        String query = EncodedQuery.query().fragment("active=true")
                .atOrAfter("sys_updated_on", Instant.parse("2026-11-25T23:30:59.900Z"))
                .orderBy("sys_updated_on").orderBy("sys_id").build();

        assertThat(query).isEqualTo("active=true^sys_updated_on>=2026-11-25 23:30:59^ORDERBYsys_updated_on^ORDERBYsys_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc^ORsys_id!=x", "a=b", "rb-1\nactive=false", "javascript:gs.getUserID()", "x@y"})
    void refusesValuesThatCouldChangeTheQuery(String hostile) {
        assertThatThrownBy(() -> EncodedQuery.query().eq("correlation_id", hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation_id").hasMessageContaining("refused");
    }

    @Test
    void refusesOddFieldNamesAndUnboundedQueries() {
        assertThatThrownBy(() -> EncodedQuery.query().eq("state^ORactive", "1")).hasMessageContaining("not a ServiceNow field");
        assertThatThrownBy(() -> EncodedQuery.query().build()).hasMessageContaining("unbounded");
        assertThat(EncodedQuery.query().eq("correlation_id", "rb-2f1c").eq("problem.number", "PRB0040001").build())
                .isEqualTo("correlation_id=rb-2f1c^problem.number=PRB0040001");
    }

    @Test
    void emailAddressesAreLetThroughOnlyInTheirPlainShape() {
        assertThat(EncodedQuery.query().eqEmail("email", "o'neil.beth+ops@mail.example.com").build())
                .isEqualTo("email=o'neil.beth+ops@mail.example.com");
        for (String hostile : new String[] {"a@b.c^ORactive=true", "a@b.c\nactive=false", "x@y", "a=b@c.d",
                "javascript:gs.getUserID()@x.y", "", "a@b@c.d"}) {
            assertThatThrownBy(() -> EncodedQuery.query().eqEmail("email", hostile))
                    .as(hostile).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused");
        }
    }

    @Test
    void scopeWithASecondQueryIsRefusedBecauseOurBoundsWouldOnlyCoverTheLastOne() {
        assertThatThrownBy(() -> EncodedQuery.query().fragment("active=true^NQstate=3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("^NQ").hasMessageContaining("^OR");
        assertThat(EncodedQuery.query().fragment("state=1^ORstate=2").atOrAfter("sys_updated_on",
                Instant.parse("2026-01-01T00:00:00Z")).build())
                .isEqualTo("state=1^ORstate=2^sys_updated_on>=2026-01-01 00:00:00");
    }
}
