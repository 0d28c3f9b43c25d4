/**
 * The Jenkins Notification plugin's build reports, proven by basic authentication in the plugin's URL, read as
 * deployments.
 */
package io.retrobridge.pipeline.jenkins;
