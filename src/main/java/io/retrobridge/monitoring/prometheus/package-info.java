/**
 * Prometheus query API adapter: range and instant queries over Camel HTTP (GET, or a form POST for long queries),
 * the answer envelope and its errors turned into messages an admin acts on, graph links, and the connection check.
 */
package io.retrobridge.monitoring.prometheus;
