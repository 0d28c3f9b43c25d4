package io.retrobridge.web.gates;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the deployment gate is reached from outside. Checked at start-up.
 *
 * @param publicUrl the address callers reach this service at, e.g. https://retrobridge.example.com, so answers given
 *                  to a hook (GitHub, GitLab, Azure DevOps) link to their status URL; empty: the link is a path from
 *                  the service's root (answers asked over HTTP always link to the address they were asked at)
 * @param hookGate  the gate a hook delivery asks when its URL names none with ?gate=, as gates.yaml names it
 */
@Validated
@ConfigurationProperties("retrobridge.gates")
public record GateProperties(
        @NotNull @Pattern(regexp = "(https?://[^\\s?#]+)?", message = "an http(s) address without query, e.g. "
                + "https://retrobridge.example.com, or empty") @DefaultValue("") String publicUrl,
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "a gate name: lower-case words joined by "
                + "hyphens, e.g. prod") @DefaultValue("prod") String hookGate) {

    /** Where the answer with this evaluation id is read again. */
    public String statusUrl(UUID evaluationId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/api/gates/evaluations/" + evaluationId;
    }

    /** The defaults, for tests and tools. */
    public static GateProperties defaults() {
        return new GateProperties("", "prod");
    }
}
