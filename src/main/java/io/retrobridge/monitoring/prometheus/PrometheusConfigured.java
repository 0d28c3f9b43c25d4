package io.retrobridge.monitoring.prometheus;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** retrobridge.prometheus.base-url is set (and not blank): only then is Prometheus asked, checked and shown as health. */
final class PrometheusConfigured implements Condition {

    static final String BASE_URL = "retrobridge.prometheus.base-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String baseUrl = context.getEnvironment().getProperty(BASE_URL);
        return baseUrl != null && !baseUrl.isBlank();
    }
}
