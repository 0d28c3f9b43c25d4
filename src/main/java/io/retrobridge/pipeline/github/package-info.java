/**
 * GitHub's deployment_status and workflow_run webhooks, signed with X-Hub-Signature-256, read as deployments; and the
 * gate's GitHub App, which answers GitHub's custom deployment protection rule (deployment_protection_rule at
 * /api/gates/hooks/github) through GitHub's REST API.
 */
package io.retrobridge.pipeline.github;
