/**
 * Azure DevOps' release deployment completed service hook, proven by basic authentication, read as deployments.
 */
package io.retrobridge.pipeline.azuredevops;
