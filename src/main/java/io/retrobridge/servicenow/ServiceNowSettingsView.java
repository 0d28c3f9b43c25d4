package io.retrobridge.servicenow;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import io.retrobridge.transport.UrlUserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The ServiceNow connection settings for the admin view, secrets masked. */
@Component
class ServiceNowSettingsView implements SettingsView {

    private final ServiceNowProperties serviceNow;

    ServiceNowSettingsView(ServiceNowProperties serviceNow) {
        this.serviceNow = serviceNow;
    }

    @Override
    public String name() {
        return "servicenow";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", UrlUserInfo.masked(serviceNow.baseUrl()));
        settings.put("auth", serviceNow.usesOAuth() ? "oauth client credentials" : "basic");
        settings.put("username", serviceNow.username());
        settings.put("password", mask(serviceNow.password()));
        settings.put("clientId", serviceNow.clientId());
        settings.put("clientSecret", mask(serviceNow.clientSecret()));
        settings.put("webhookSecret", mask(serviceNow.webhookSecret()));
        settings.put("connectTimeout", String.valueOf(serviceNow.connectTimeout()));
        settings.put("readTimeout", String.valueOf(serviceNow.readTimeout()));
        return settings;
    }
}
