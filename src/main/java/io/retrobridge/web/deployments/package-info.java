/**
 * Deployment telemetry over the API: how often an application ships to an environment, how often that fails or is
 * rolled back, and how long it takes.
 */
package io.retrobridge.web.deployments;
