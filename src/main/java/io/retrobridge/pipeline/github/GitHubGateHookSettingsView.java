package io.retrobridge.pipeline.github;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The gate's GitHub App for the admin view: whether the hook and the App are set up; the secret and key masked. */
@Component
class GitHubGateHookSettingsView implements SettingsView {

    private final GitHubGateHookProperties settings;

    GitHubGateHookSettingsView(GitHubGateHookProperties settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "gateHookGithub";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("webhookSecret", mask(settings.webhookSecret()));
        view.put("appId", GitHubGateHookProperties.hasText(settings.appId()) ? settings.appId().strip() : UNSET);
        view.put("privateKey", mask(settings.privateKey()));
        view.put("apiUrl", settings.apiUrl().toString());
        view.put("askAgainAfter", settings.askAgainAfter().toString());
        view.put("stopAskingAfter", settings.stopAskingAfter().toString());
        view.put("reconcileInterval", settings.reconcileInterval().toString());
        view.put("reconcileLookback", settings.reconcileLookback().toString());
        return view;
    }
}
