package io.retrobridge.pipeline.github;

import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.PlainHttpRule;
import io.retrobridge.transport.RemoteSystem;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * GitHub's REST API as the gate's GitHub App, when retrobridge.gate-hooks.github.app-id and private-key are set. The
 * private key is read here, at start-up, so a key that cannot be used stops the start with what is wrong with it
 * (never the key itself), instead of failing the first run that waits for the gate.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(GitHubAppConfigured.class)
class GitHubAppConfiguration {

    @Bean
    GitHubApi gitHubApi(GitHubGateHookProperties settings, OutboundSender sender, ConnectionsProperties connections,
            ObjectProvider<Clock> clock) {
        PlainHttpRule.check(GitHubGateHookProperties.PREFIX + ".api-url", settings.apiUrl(), connections);
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        GitHubAppJwt jwt = new GitHubAppJwt(settings.appId(),
                GitHubAppKey.read(settings.privateKey(), GitHubGateHookProperties.PREFIX + ".private-key"), time);
        // Each call carries its own token (the App's, or an installation's), so the system has no fixed credentials.
        RemoteSystem github = new RemoteSystem(new HttpTarget(GitHubApi.SYSTEM, settings.apiUrl(),
                settings.connectTimeout(), settings.readTimeout()), Credentials.none(), sender);
        return new GitHubApi(github, jwt, time);
    }
}
