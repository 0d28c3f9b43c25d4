package io.retrobridge.sandbox.prometheus;

import io.retrobridge.sandbox.DemoReleaseTimeline;
import java.util.Map;

/**
 * Recordings of the shipped PIR metric queries ({@code mappings/pir-metrics.yaml}), under their exact texts with
 * the placeholders filled in. The templates are kept here word for word so they are easy to compare with that file.
 */
public final class PrometheusSeed {

    public static final String ERROR_RATE = "sum(rate(http_requests_total{service=\"${service}\","
            + "environment=\"${environment}\",code=~\"5..\"}[${window}])) / sum(rate(http_requests_total{"
            + "service=\"${service}\",environment=\"${environment}\"}[${window}]))";
    public static final String LATENCY_P95 = "histogram_quantile(0.95, sum by (le) (rate("
            + "http_request_duration_seconds_bucket{service=\"${service}\",environment=\"${environment}\"}"
            + "[${window}])))";
    public static final String THROUGHPUT = "sum(rate(http_requests_total{service=\"${service}\","
            + "environment=\"${environment}\"}[${window}]))";

    public static final String DEMO_SERVICE = "payment-gateway";
    public static final String DEMO_ENVIRONMENT = "production";
    public static final String DEMO_WINDOW = "5m";

    private final PrometheusSandbox prometheus;

    PrometheusSeed(PrometheusSandbox prometheus) {
        this.prometheus = prometheus;
    }

    /** A template with its placeholders filled in, as the connector sends it. */
    public static String query(String template, String service, String environment, String window) {
        return template.replace("${service}", service).replace("${environment}", environment)
                .replace("${window}", window);
    }

    /** A template filled in for the demo's payment-gateway in production over 5-minute windows. */
    public static String demoQuery(String template) {
        return query(template, DEMO_SERVICE, DEMO_ENVIRONMENT, DEMO_WINDOW);
    }

    /**
     * The demo's failed release as its monitoring saw it: the 5xx ratio goes from about 1 % to 7.4 % when 4.2.0 is
     * out and back to 1 % once the rollback to 4.1.3 is; p95 latency from 0.21 s to 0.48 s and back; throughput
     * steady at about 120 requests a second. Small noise, the same on every run for the same instant.
     */
    public void demo(DemoReleaseTimeline timeline) {
        prometheus.record(demoQuery(ERROR_RATE), Map.of(), Signal.step(0.0099, timeline.releaseFinished(), 0.074)
                .then(timeline.rollbackFinished(), 0.0101).withNoise(0.03, 1));
        prometheus.record(demoQuery(LATENCY_P95), Map.of(), Signal.step(0.21, timeline.releaseFinished(), 0.48)
                .then(timeline.rollbackFinished(), 0.21).withNoise(0.03, 2));
        prometheus.record(demoQuery(THROUGHPUT), Map.of(), Signal.constant(120).withNoise(0.02, 3));
    }
}
