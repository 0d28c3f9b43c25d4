/**
 * CI/CD deployment events (generic, GitHub, GitLab, Jenkins) turned into deployment facts.
 */
package io.retrobridge.pipeline;
