/**
 * The headline figures of the delivery and effectiveness reports as Prometheus gauges, recomputed on a timer
 * ({@code routes/report-gauges.yaml}) so a scrape only reads them. The metrics are listed in the README ("Health and
 * metrics"); {@code docker/grafana/dashboards/retrobridge.json} graphs them.
 */
package io.retrobridge.insight.gauges;
