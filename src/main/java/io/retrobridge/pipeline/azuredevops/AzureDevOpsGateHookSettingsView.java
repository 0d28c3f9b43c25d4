package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Azure DevOps check hook's settings for the admin view: whether it is on, whom it calls back; secret masked. */
@Component
class AzureDevOpsGateHookSettingsView implements SettingsView {

    private final AzureDevOpsGateHookProperties settings;

    AzureDevOpsGateHookSettingsView(AzureDevOpsGateHookProperties settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "azureDevopsGateHook";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("secret", mask(settings.secret()));
        shown.put("allowedHosts", settings.hosts());
        shown.put("askAgainAfter", settings.askAgainAfter().toString());
        return shown;
    }
}
