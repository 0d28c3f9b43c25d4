/**
 * Jira, ServiceNow and Prometheus simulators that speak the real REST shapes, used by demo mode and end-to-end tests.
 */
package io.retrobridge.sandbox;
