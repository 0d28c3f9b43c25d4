package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import io.retrobridge.transport.UrlUserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The GitLab status check hook's settings for the admin view: whether it is on, where it answers; secrets masked. */
@Component
class GitLabGateHookSettingsView implements SettingsView {

    private final GitLabGateHookProperties settings;

    GitLabGateHookSettingsView(GitLabGateHookProperties settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "gitlabGateHook";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("sharedSecret", mask(settings.sharedSecret()));
        shown.put("token", mask(settings.token()));
        shown.put("baseUrl", UrlUserInfo.masked(settings.baseUrl()));
        shown.put("environment", settings.environment());
        shown.put("askAgainAfter", settings.askAgainAfter().toString());
        return shown;
    }
}
