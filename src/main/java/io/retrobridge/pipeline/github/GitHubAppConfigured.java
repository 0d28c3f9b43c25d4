package io.retrobridge.pipeline.github;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** retrobridge.gate-hooks.github.app-id and private-key are set: only then does RetroBridge act as the GitHub App. */
final class GitHubAppConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return GitHubGateHookProperties.hasText(context.getEnvironment()
                        .getProperty(GitHubGateHookProperties.PREFIX + ".app-id"))
                && GitHubGateHookProperties.hasText(context.getEnvironment()
                        .getProperty(GitHubGateHookProperties.PREFIX + ".private-key"));
    }
}
