package io.retrobridge.jira;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import io.retrobridge.transport.UrlUserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Jira connection settings for the admin view, secrets masked. */
@Component
class JiraSettingsView implements SettingsView {

    private final JiraProperties jira;

    JiraSettingsView(JiraProperties jira) {
        this.jira = jira;
    }

    @Override
    public String name() {
        return "jira";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", UrlUserInfo.masked(jira.baseUrl()));
        settings.put("flavour", jira.isCloud() ? "cloud" : "server/data center");
        settings.put("restPrefix", jira.restPrefix());
        settings.put("email", jira.email());
        settings.put("apiToken", mask(jira.apiToken()));
        settings.put("personalAccessToken", mask(jira.personalAccessToken()));
        settings.put("webhookSecret", mask(jira.webhookSecret()));
        settings.put("connectTimeout", String.valueOf(jira.connectTimeout()));
        settings.put("readTimeout", String.valueOf(jira.readTimeout()));
        settings.put("searchSettleTime", String.valueOf(jira.searchSettleTime()));
        return settings;
    }
}
