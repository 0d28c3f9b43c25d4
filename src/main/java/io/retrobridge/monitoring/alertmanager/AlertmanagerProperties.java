package io.retrobridge.monitoring.alertmanager;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Alertmanager's webhook notifications are received at /webhooks/alertmanager and read as alerts. Checked at
 * start-up.
 *
 * @param secret                the bearer token (authorization credentials) or basic-authentication password of the
 *                              Alertmanager receiver's http_config, at least 16 characters; empty switches
 *                              /webhooks/alertmanager off; never logged
 * @param serviceLabels         the labels naming the service an alert is about, separated by commas, in order: the
 *                              first one an alert carries wins
 * @param environmentLabels     the labels naming the environment an alert is about, separated by commas, in order;
 *                              the value is compared in lower case
 * @param productionEnvironment the environment whose deployments an alert is linked to: the last successful
 *                              deployment of the alert's service there before it fired
 */
@Validated
@ConfigurationProperties("retrobridge.alertmanager")
public record AlertmanagerProperties(
        String secret,
        @NotBlank(message = "label names separated by commas, e.g. service,app,application,job")
        @DefaultValue("service,app,application,job") String serviceLabels,
        @NotBlank(message = "label names separated by commas, e.g. environment,env")
        @DefaultValue("environment,env") String environmentLabels,
        @NotBlank(message = "an environment name, e.g. production")
        @DefaultValue("production") String productionEnvironment) {

    /** A shorter secret could be guessed by trying. */
    public static final int MIN_SECRET_LENGTH = 16;

    @AssertTrue(message = "retrobridge.alertmanager.secret to have at least " + MIN_SECRET_LENGTH + " characters"
            + " (e.g. from openssl rand -hex 32), or to be empty to switch /webhooks/alertmanager off")
    public boolean isSecretLongEnough() {
        return secret == null || secret.isBlank() || secret.strip().length() >= MIN_SECRET_LENGTH;
    }

    /** The secret when one is set. */
    public Optional<String> configuredSecret() {
        return Optional.ofNullable(secret).filter(value -> !value.isBlank());
    }

    /** The service labels, in order, each trimmed, blanks left out. */
    public List<String> serviceLabelNames() {
        return names(serviceLabels);
    }

    /** The environment labels, in order, each trimmed, blanks left out. */
    public List<String> environmentLabelNames() {
        return names(environmentLabels);
    }

    /** The production environment, lower case as deployments store it. */
    public String production() {
        return productionEnvironment.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "AlertmanagerProperties[secret=" + (configuredSecret().isPresent() ? "****" : "<unset>")
                + ", serviceLabels=" + serviceLabels + ", environmentLabels=" + environmentLabels
                + ", productionEnvironment=" + productionEnvironment + "]";
    }
}
