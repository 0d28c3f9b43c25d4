/**
 * GitHub's deployment_status and workflow_run webhooks, signed with X-Hub-Signature-256, read as deployments.
 */
package io.retrobridge.pipeline.github;
