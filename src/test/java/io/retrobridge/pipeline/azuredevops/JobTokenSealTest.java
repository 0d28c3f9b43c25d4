package io.retrobridge.pipeline.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.sync.ConnectorSecrets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job token is stored only sealed, opens only for the check it came with, and only under the kept key. */
class JobTokenSealTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJhcHBfdG9rZW4ifQ.c2ln";
    private static final String CHECK = "azure-devops:check:plan-1:job-1:task-1";

    @Test
    void aSealedTokenShowsNothingOfTheTokenAndOpensForItsCheck() {
        JobTokenSeal seal = new JobTokenSeal(new KeptSecrets());

        String sealed = seal.seal(TOKEN, CHECK);

        assertThat(sealed).startsWith("v1.").doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));
        assertThat(seal.seal(TOKEN, CHECK)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(seal.open(sealed, CHECK)).isEqualTo(TOKEN);
    }

    @Test
    void itDoesNotOpenForAnotherCheckUnderAnotherKeyOrWhenTamperedWith() {
        KeptSecrets secrets = new KeptSecrets();
        String sealed = new JobTokenSeal(secrets).seal(TOKEN, CHECK);

        assertThat(new JobTokenSeal(secrets).open(sealed, CHECK)).as("the key is kept, not made per instance")
                .isEqualTo(TOKEN);
        assertThatThrownBy(() -> new JobTokenSeal(secrets).open(sealed, "azure-devops:check:plan-2:job-1:task-1"))
                .hasMessageContaining("sealed for another check");
        assertThatThrownBy(() -> new JobTokenSeal(new KeptSecrets()).open(sealed, CHECK))
                .hasMessageContaining("under another key");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> new JobTokenSeal(secrets).open(tampered, CHECK))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JobTokenSeal(secrets).open(TOKEN, CHECK))
                .hasMessageContaining("not sealed the way");
    }

    /** Connector secrets as the store keeps them: the first value made under a name stays. */
    private static final class KeptSecrets implements ConnectorSecrets {
        private final Map<String, String> kept = new HashMap<>();

        @Override
        public String getOrCreate(String name, java.util.function.Supplier<String> generate) {
            return kept.computeIfAbsent(name, n -> generate.get());
        }
    }
}
