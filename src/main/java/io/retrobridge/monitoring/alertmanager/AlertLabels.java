package io.retrobridge.monitoring.alertmanager;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which service and environment an alert is about, read from the labels the settings name, first present wins. */
@Component
class AlertLabels {

    private final List<String> serviceLabels;
    private final List<String> environmentLabels;

    AlertLabels(AlertmanagerProperties settings) {
        this.serviceLabels = settings.serviceLabelNames();
        this.environmentLabels = settings.environmentLabelNames();
    }

    /** The service; null when none of the service labels is set. */
    String service(Map<String, String> labels) {
        return first(labels, serviceLabels);
    }

    /** The environment in lower case; null when none of the environment labels is set. */
    String environment(Map<String, String> labels) {
        String environment = first(labels, environmentLabels);
        return environment == null ? null : environment.toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, String> labels, List<String> names) {
        for (String name : names) {
            String value = labels.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
