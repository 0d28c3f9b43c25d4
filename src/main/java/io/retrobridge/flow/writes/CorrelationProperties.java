package io.retrobridge.flow.writes;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key correlation ids are derived with. Checked at start-up.
 *
 * @param secret at least 32 characters; leave it unset and the connector generates one on first start and
 *               keeps it in its database (so every instance and every restart uses the same). Set it when
 *               the database may be rebuilt and records created earlier must still be recognised. Never logged.
 */
@Validated
@ConfigurationProperties("retrobridge.correlation")
public record CorrelationProperties(
        @Size(min = 32, message = "at least 32 characters (or leave it unset to have one generated and kept)")
        String secret) {

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "CorrelationProperties[secret=" + (hasSecret() ? "****" : "generated") + "]";
    }
}
