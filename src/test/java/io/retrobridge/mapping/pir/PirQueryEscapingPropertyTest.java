package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.pir.PirMetric.Better;
import io.retrobridge.mapping.pir.PirMetric.Degraded;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a service or environment is called, the filled-in query holds it as one string literal, exactly. */
class PirQueryEscapingPropertyTest {

    private static final PirMetric METRIC = new PirMetric("m", "M",
            "rate(x{service=\"${service}\",environment=\"${environment}\"}[${window}])", "", Better.LOWER,
            Degraded.NEVER, List.of(), null, null);

    @Property(tries = 500)
    void theValuesReadBackExactlyAndTheRestOfTheQueryIsUnchanged(@ForAll("names") String service,
                                                                 @ForAll("names") String environment) {
        String query = METRIC.queryFor(service, environment, Duration.ofMinutes(5));

        String head = "rate(x{service=\"";
        assertThat(query).startsWith(head);
        PromqlStringLiteral first = PromqlStringLiteral.read(query, head.length());
        assertThat(first.value()).isEqualTo(service);
        String between = "\",environment=\"";
        assertThat(query.substring(first.end())).startsWith(between);
        PromqlStringLiteral second = PromqlStringLiteral.read(query, first.end() + between.length());
        assertThat(second.value()).isEqualTo(environment);
        assertThat(query.substring(second.end())).isEqualTo("\"}[5m])");
    }

    /** Names made of the characters that matter in PromQL and in the template, plus any other text. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> risky = Arbitraries.strings().withChars("\"'`\\{}()[]#$\n\r\t\u0000\u007f ,=~!")
                .ofMaxLength(12);
        Arbitrary<String> placeholders = Arbitraries.of("${service}", "${environment}", "${window}", "\\\"}", "a\"}or"
                + " vector(1)#");
        Arbitrary<String> any = Arbitraries.strings().all().excludeChars(surrogates()).ofMaxLength(20);
        return Arbitraries.oneOf(risky, placeholders, any, Arbitraries.strings().alpha().ofMaxLength(10))
                .list().ofMaxSize(3).map(parts -> String.join("", parts));
    }

    private static char[] surrogates() {
        char[] chars = new char[Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (Character.MIN_SURROGATE + i);
        }
        return chars;
    }
}
