package io.retrobridge.monitoring.prometheus;

import static io.retrobridge.sync.SettingsView.mask;

import io.retrobridge.sync.SettingsView;
import io.retrobridge.transport.UrlUserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Prometheus connection settings for the admin view, secrets masked; says so when none is configured. */
@Component
class PrometheusSettingsView implements SettingsView {

    private final PrometheusProperties prometheus;

    PrometheusSettingsView(PrometheusProperties prometheus) {
        this.prometheus = prometheus;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", prometheus.configured() ? UrlUserInfo.masked(prometheus.baseUrl()) : UNSET);
        settings.put("auth", prometheus.authKind());
        settings.put("username", prometheus.username());
        settings.put("password", mask(prometheus.password()));
        settings.put("bearerToken", mask(prometheus.bearerToken()));
        settings.put("connectTimeout", String.valueOf(prometheus.connectTimeout()));
        settings.put("readTimeout", String.valueOf(prometheus.readTimeout()));
        settings.put("graphUrl", prometheus.graphBase() == null ? UNSET : UrlUserInfo.masked(prometheus.graphBase()));
        settings.put("postAboveCharacters", prometheus.postAboveCharacters());
        return settings;
    }
}
