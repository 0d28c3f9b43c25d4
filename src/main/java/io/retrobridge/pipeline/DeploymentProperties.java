package io.retrobridge.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recorded deployments are recognised as rollbacks. Checked at start-up.
 *
 * @param rollbackCloseCodes the ServiceNow close codes, separated by commas (the close_code value, matched without
 *                           regard to case, spaces or hyphens), that mark a change as backed out: a deployment
 *                           carrying such a change is recorded as a rollback. Empty turns this recognition off
 * @param rollbackHistory    how many earlier successful runs of the same application and environment are read to
 *                           recognise a redeploy of an earlier version, 1 to 500
 */
@Validated
@ConfigurationProperties("retrobridge.deployments")
public record DeploymentProperties(
        @NotNull(message = "close codes separated by commas, e.g. unsuccessful,backed_out")
        @DefaultValue("unsuccessful,backed_out,rolled_back") String rollbackCloseCodes,
        @Min(value = 1, message = "at least 1, e.g. 50") @Max(value = 500, message = "at most 500, e.g. 50")
        @DefaultValue("50") int rollbackHistory) {

    /** The close codes, each trimmed, blanks left out. */
    public List<String> closeCodes() {
        return Arrays.stream(rollbackCloseCodes.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }
}
