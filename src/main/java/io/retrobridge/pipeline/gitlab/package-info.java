/**
 * GitLab's Deployment Hook and Pipeline Hook, proven by X-Gitlab-Token, read as deployments.
 */
package io.retrobridge.pipeline.gitlab;
