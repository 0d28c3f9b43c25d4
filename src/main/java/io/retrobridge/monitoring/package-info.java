/**
 * Prometheus query API and Alertmanager webhook.
 */
package io.retrobridge.monitoring;
