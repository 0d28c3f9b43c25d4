package io.retrobridge.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Start-up checks of retrobridge.security: good settings load, bad ones stop start-up with one clear message. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySettingsTest {

    private static final String SHORT_KEY = "tiny-secret";
    private static final String GOOD_KEY = "ci-key-7Hq2Lx9Vd4Pm";
    private static final String OTHER_KEY = "ro-key-3Ns8Gf1Kw6Zt";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiSecurityProperties.class)
    @Import({ApiKeyRegistry.class, DemoAdminKeyConfiguration.class})
    static class SecuritySettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SecuritySettings.class);

    @Test
    void keysFromPropertiesAreAccepted() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[0].role=PIPELINE")
                .run(context -> {
                    ApiKeyRegistry registry = context.getBean(ApiKeyRegistry.class);
                    assertThat(registry.lookup(GOOD_KEY)).contains(new ApiKeyPrincipal("ci", ApiRole.PIPELINE));
                    assertThat(registry.lookup(OTHER_KEY)).isEmpty();
                    assertThat(registry.lookup(GOOD_KEY.substring(1))).isEmpty();
                });
    }

    @Test
    void keysFromEnvironmentVariablesAreAccepted() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "RETROBRIDGE_SECURITY_API_KEYS_0_NAME", "ci",
                                "RETROBRIDGE_SECURITY_API_KEYS_0_KEY", GOOD_KEY,
                                "RETROBRIDGE_SECURITY_API_KEYS_0_ROLE", "pipeline",
                                "RETROBRIDGE_SECURITY_BOOTSTRAP_ADMIN_KEY", OTHER_KEY))))
                .run(context -> {
                    ApiKeyRegistry registry = context.getBean(ApiKeyRegistry.class);
                    assertThat(registry.lookup(GOOD_KEY)).contains(new ApiKeyPrincipal("ci", ApiRole.PIPELINE));
                    assertThat(registry.lookup(OTHER_KEY)).contains(new ApiKeyPrincipal("bootstrap-admin", ApiRole.ADMIN));
                });
    }

    @Test
    void keyOnlyFromEnvironmentWithNameAndRoleInYamlIsRefusedWithAnExplanation() {
        runner.withPropertyValues("retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].role=pipeline")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of("RETROBRIDGE_SECURITY_API_KEYS_0_KEY", GOOD_KEY))))
                .run(context -> {
                    String message = startupFailureMessage(context.getStartupFailure());
                    assertThat(message).contains("retrobridge.security.api-keys[0].name is not set")
                            .contains("retrobridge.security.api-keys[0].role is not set")
                            .contains("RETROBRIDGE_SECURITY_API_KEYS_0_NAME and _0_ROLE")
                            .doesNotContain(GOOD_KEY);
                });
    }

    @Test
    void unknownRoleIsRefusedWithTheChoices() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[0].role=superuser")
                .run(context -> assertThat(startupFailureMessage(context.getStartupFailure()))
                        .contains("retrobridge.security.api-keys[0].role is 'superuser', which is not a role: "
                                + "use one of admin, pipeline, viewer"));
    }

    @Test
    void shortKeyIsRefusedWithoutShowingIt() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + SHORT_KEY,
                        "retrobridge.security.api-keys[0].role=viewer")
                .run(context -> assertThat(startupFailureMessage(context.getStartupFailure()))
                        .contains("retrobridge.security.api-keys[0].key is too short (11 characters): use at least 16")
                        .doesNotContain(SHORT_KEY));
    }

    @Test
    void blankKeyIsRefused() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=   ",
                        "retrobridge.security.api-keys[0].role=viewer")
                .run(context -> assertThat(startupFailureMessage(context.getStartupFailure()))
                        .contains("retrobridge.security.api-keys[0].key is not set or blank"));
    }

    @Test
    void keyWithInnerSpaceIsRefusedBecauseNoClientCouldSendIt() {
        runner.withPropertyValues("retrobridge.security.bootstrap-admin-key=two words of key here")
                .run(context -> assertThat(startupFailureMessage(context.getStartupFailure()))
                        .contains("retrobridge.security.bootstrap-admin-key contains spaces")
                        .doesNotContain("two words of key here"));
    }

    @Test
    void sameKeyTwiceIsRefusedNamingBothPlaces() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[0].role=pipeline",
                        "retrobridge.security.api-keys[1].name=grafana", "retrobridge.security.api-keys[1].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[1].role=viewer",
                        "retrobridge.security.bootstrap-admin-key=" + GOOD_KEY)
                .run(context -> assertThat(startupFailureMessage(context.getStartupFailure()))
                        .contains("retrobridge.security.api-keys[1].key is the same key as retrobridge.security.api-keys[0].key")
                        .contains("retrobridge.security.bootstrap-admin-key is the same key as retrobridge.security.api-keys[0].key")
                        .doesNotContain(GOOD_KEY));
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + SHORT_KEY,
                        "retrobridge.security.api-keys[0].role=root",
                        "retrobridge.security.api-keys[1].name=ci", "retrobridge.security.api-keys[1].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[1].role=viewer")
                .run(context -> {
                    InvalidApiKeySettingsException invalid = findCause(context.getStartupFailure(), InvalidApiKeySettingsException.class);
                    assertThat(invalid.problems()).containsExactly(
                            "retrobridge.security.api-keys[0].role is 'root', which is not a role: use one of admin, pipeline, viewer",
                            "retrobridge.security.api-keys[0].key is too short (11 characters): use at least 16, "
                                    + "e.g. from `openssl rand -hex 32`",
                            "retrobridge.security.api-keys[1].name 'ci' is already used by retrobridge.security.api-keys[0].name: "
                                    + "give every client its own name");
                });
    }

    @Test
    void failureReportNamesTheProblemAndTheFixButNoKey() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + SHORT_KEY,
                        "retrobridge.security.api-keys[0].role=viewer")
                .run(context -> {
                    FailureAnalysis analysis = new ApiKeySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("retrobridge.security.api-keys[0].key is too short");
                    assertThat(analysis.getAction()).contains("openssl rand -hex 32").contains("admin, pipeline, viewer");
                    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SHORT_KEY);
                });
    }

    @Test
    void gapInTheListIsReportedWithoutTheValuesBootWouldPrint() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[0].role=pipeline",
                        "retrobridge.security.api-keys[2].name=grafana", "retrobridge.security.api-keys[2].key=" + OTHER_KEY,
                        "retrobridge.security.api-keys[2].role=viewer")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ApiKeySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("retrobridge.security.api-keys[2].key")
                            .contains("without gaps").doesNotContain(OTHER_KEY);
                });
    }

    @Test
    void withoutAnyKeyTheServiceStartsAndWarnsOnceHowToSetOne(CapturedOutput output) {
        runner.withPropertyValues("retrobridge.security.bootstrap-admin-key=  ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApiKeyRegistry.class).isEmpty()).isTrue();
        });

        String warning = "No API key is configured: every protected endpoint will answer 401 until one is";
        assertThat(output.getOut().lines().filter(line -> line.contains(warning)))
                .singleElement().asString().contains("WARN").contains("RETROBRIDGE_SECURITY_BOOTSTRAP_ADMIN_KEY");
    }

    @Test
    void settingsNeverPrintKeys() {
        runner.withPropertyValues(
                        "retrobridge.security.api-keys[0].name=ci", "retrobridge.security.api-keys[0].key=" + GOOD_KEY,
                        "retrobridge.security.api-keys[0].role=pipeline", "retrobridge.security.bootstrap-admin-key=" + OTHER_KEY)
                .run(context -> {
                    String printed = context.getBean(ApiSecurityProperties.class).toString()
                            + context.getBean(ApiKeyRegistry.class).principals();
                    assertThat(printed).contains("ci").contains("pipeline").doesNotContain(GOOD_KEY).doesNotContain(OTHER_KEY);
                });
    }

    @Test
    void outsideTheDemoNoKeyIsGenerated() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DemoAdminKey.class));
    }

    @Test
    void demoWithABootstrapKeyUsesItAndGeneratesNone(CapturedOutput output) {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("retrobridge.security.bootstrap-admin-key=" + OTHER_KEY)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DemoAdminKey.class);
                    assertThat(context.getBean(ApiKeyRegistry.class).principals())
                            .containsExactly(new ApiKeyPrincipal("bootstrap-admin", ApiRole.ADMIN));
                });
        assertThat(output.getAll()).doesNotContain("DEMO ADMIN KEY").doesNotContain(OTHER_KEY);
    }

    private static String startupFailureMessage(Throwable failure) {
        assertThat(failure).as("start-up should have failed").isNotNull();
        return findCause(failure, InvalidApiKeySettingsException.class).getMessage();
    }

    private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
