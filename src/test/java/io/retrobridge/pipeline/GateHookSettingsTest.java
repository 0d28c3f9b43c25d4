package io.retrobridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.pipeline.azuredevops.AzureDevOpsGateHookProperties;
import io.retrobridge.pipeline.gitlab.GitLabGateHookProperties;
import io.retrobridge.transport.ResilienceProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The gate hooks' settings: sensible defaults, refusals that name the setting, and secrets never printed. */
class GateHookSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void byDefaultBothHooksAreOffAndNothingIsRefused() {
        GitLabGateHookProperties gitlab = bind("retrobridge.gate-hooks.gitlab", Map.of(),
                GitLabGateHookProperties.class);
        AzureDevOpsGateHookProperties azure = bind("retrobridge.gate-hooks.azure-devops", Map.of(),
                AzureDevOpsGateHookProperties.class);

        assertThat(gitlab.secret()).isEmpty();
        assertThat(gitlab.environment()).isEqualTo("production");
        assertThat(gitlab.askAgainAfter()).hasSeconds(60);
        assertThat(azure.sharedSecret()).isEmpty();
        assertThat(azure.hosts()).containsExactly("dev.azure.com", "*.visualstudio.com");
        assertThat(azure.askAgainAfter()).hasMinutes(1);
        assertThat(problems(gitlab)).isEmpty();
        assertThat(problems(azure)).isEmpty();
    }

    @Test
    void gitLabWantsATokenWithItsSecretAndAnAskBeforeGitLabFailsThePendingCheck() {
        GitLabGateHookProperties noToken = bind("retrobridge.gate-hooks.gitlab", Map.of(
                "retrobridge.gate-hooks.gitlab.shared-secret", "gitlab-check-secret-0123"), GitLabGateHookProperties.class);
        GitLabGateHookProperties tooLate = bind("retrobridge.gate-hooks.gitlab", Map.of(
                "retrobridge.gate-hooks.gitlab.ask-again-after", "2m"), GitLabGateHookProperties.class);
        GitLabGateHookProperties shortSecret = bind("retrobridge.gate-hooks.gitlab", Map.of(
                "retrobridge.gate-hooks.gitlab.shared-secret", "short", "retrobridge.gate-hooks.gitlab.token", "t"),
                GitLabGateHookProperties.class);

        assertThat(problems(noToken)).singleElement().asString().contains("retrobridge.gate-hooks.gitlab.token");
        assertThat(problems(tooLate)).singleElement().asString().contains("below 2m");
        assertThat(problems(shortSecret)).singleElement().asString().contains("at least 16 characters");
        assertThat(noToken.toString()).doesNotContain("gitlab-check-secret-0123").contains("sharedSecret=****");
    }

    @Test
    void azureDevOpsWantsHostNamesToCallBack() {
        AzureDevOpsGateHookProperties urls = bind("retrobridge.gate-hooks.azure-devops", Map.of(
                "retrobridge.gate-hooks.azure-devops.allowed-hosts", "https://dev.azure.com/fabrikam"),
                AzureDevOpsGateHookProperties.class);
        AzureDevOpsGateHookProperties none = bind("retrobridge.gate-hooks.azure-devops", Map.of(
                "retrobridge.gate-hooks.azure-devops.allowed-hosts", " , "), AzureDevOpsGateHookProperties.class);
        AzureDevOpsGateHookProperties server = bind("retrobridge.gate-hooks.azure-devops", Map.of(
                "retrobridge.gate-hooks.azure-devops.allowed-hosts", "dev.azure.com, TFS.example.com",
                "retrobridge.gate-hooks.azure-devops.secret", "azure-devops-secret-0123"),
                AzureDevOpsGateHookProperties.class);

        assertThat(problems(urls)).singleElement().asString().contains("allowed-hosts");
        assertThat(problems(none)).singleElement().asString().contains("allowed-hosts");
        assertThat(problems(server)).isEmpty();
        assertThat(server.hosts()).containsExactly("dev.azure.com", "tfs.example.com");
        assertThat(server.toString()).doesNotContain("azure-devops-secret-0123");
    }

    @Test
    void bothAreCalledWithTheirOwnPaceRetriesAndBreaker() {
        ResilienceProperties resilience = bind("retrobridge.resilience", Map.of(
                "retrobridge.resilience.azure-devops.max-attempts", "2"), ResilienceProperties.class);

        assertThat(resilience.forSystem("GitLab").maxAttempts()).isEqualTo(5);
        assertThat(resilience.forSystem("GitLab").requestsPerSecond()).isEqualTo(5.0);
        assertThat(resilience.forSystem("Azure-DevOps").maxAttempts()).isEqualTo(2);
        assertThat(resilience.forSystem("Azure-DevOps").requestsPerSecond()).isEqualTo(5.0);
        assertThat(new ResilienceProperties(null, null, null).forSystem("Azure-DevOps").maxAttempts()).isEqualTo(5);
    }

    private static <T> T bind(String prefix, Map<String, String> settings, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
    }

    private static List<String> problems(Object settings) {
        return VALIDATOR.validate(settings).stream().map(ConstraintViolation::getMessage).toList();
    }
}
