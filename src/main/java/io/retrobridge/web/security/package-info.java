/**
 * API-key security: settings, key lookup, the Spring Security filter chain, and the 401/403 answers.
 */
package io.retrobridge.web.security;
