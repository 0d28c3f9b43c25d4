/**
 * Alertmanager's webhook notifications at /webhooks/alertmanager (bearer token or basic authentication), read as
 * alert firings with their detection and recovery times, each linked to the production deployment before it.
 */
package io.retrobridge.monitoring.alertmanager;
